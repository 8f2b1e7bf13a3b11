package copies

import (
	"strings"

	"github.com/zeebo/xxh3"

	"github.com/sitrep/sitrep/internal/words"
)

// stopTerm marks a word that is no sentence term (a stop word). Real terms
// never carry it: numberBit is cleared from word stems.
const stopTerm = numberBit

// terms caches the sentence term of every word: the hash of its Snowball
// stem, or stopTerm.
var terms = words.NewCache(func(w []byte) uint64 {
	if words.Stop(string(w)) {
		return stopTerm
	}
	return uint64(uint32(xxh3.HashString(words.Stem(strings.ReplaceAll(string(w), "'", "")))) &^ numberBit)
})

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
	t := uint32(terms.Get(w, h))
	return t, t != stopTerm
}
