package words

import (
	"sync"

	"github.com/kljensen/snowball/english"
)

// stemCache memoises Stem: news vocabulary is small next to its volume, and
// the Snowball stemmer allocates on every call. It stops growing at
// maxCached entries, after which rare words are stemmed each time.
var stemCache sync.Map

const maxCached = 1 << 20

var (
	cachedMu sync.Mutex
	cached   int
)

// Stem returns the English Snowball (Porter2) stem of a lower-case word.
func Stem(word string) string {
	if v, ok := stemCache.Load(word); ok {
		return v.(string)
	}
	s := english.Stem(word, true)
	cachedMu.Lock()
	if cached < maxCached {
		cached++
		stemCache.Store(word, s)
	}
	cachedMu.Unlock()
	return s
}
