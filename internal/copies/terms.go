package copies

import (
	"strings"
	"sync"

	"github.com/zeebo/xxh3"

	"github.com/sitrep/sitrep/internal/words"
)

// stopTerm marks a cached word that is no sentence term (a stop word). Real
// terms never carry it: numberBit is cleared from word stems.
const stopTerm = numberBit

// termShards and maxShardTerms size the term cache: 64 shards of up to
// 16,384 words, a million in all, past which rare words are stemmed anew.
const (
	termShards    = 64
	maxShardTerms = 1 << 14
)

// terms caches, by the 64-bit hash of a lower-cased word, its sentence term:
// the hash of its Snowball stem, or stopTerm. News vocabulary is small next
// to its volume, and stemming is most of the cost of a signature otherwise.
// Sharded so that signatures on many cores rarely meet on one lock.
var terms [termShards]struct {
	mu sync.RWMutex
	m  map[uint64]uint32
	_  [32]byte // one shard per cache line
}

// termOf returns the sentence term of word w (lower-case) with hash h, and
// false for a stop word or a single character. Figures are terms of their
// own kind, marked with numberBit: spinners keep them, so they are strong
// evidence.
func termOf(w []byte, h uint64) (uint32, bool) {
	if isNumber(w) {
		return uint32(h) | numberBit, true
	}
	if len(w) < 2 {
		return 0, false
	}
	sh := &terms[h%termShards]
	sh.mu.RLock()
	t, ok := sh.m[h]
	sh.mu.RUnlock()
	if !ok {
		t = stemTerm(w)
		sh.mu.Lock()
		if sh.m == nil {
			sh.m = map[uint64]uint32{}
		}
		if len(sh.m) < maxShardTerms {
			sh.m[h] = t
		}
		sh.mu.Unlock()
	}
	return t, t != stopTerm
}

// stemTerm computes what termOf caches.
func stemTerm(w []byte) uint32 {
	if words.Stop(string(w)) {
		return stopTerm
	}
	return uint32(xxh3.HashString(words.Stem(strings.ReplaceAll(string(w), "'", "")))) &^ numberBit
}
