package words

import (
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Each calls fn for every word of text, lower-cased: a run of letters and
// digits, with inner apostrophes and hyphens kept ("don't", "al-Kadhimi").
// The buffer passed to fn is reused between calls; fn must not keep it.
func Each(text string, fn func(word []byte, at Span)) {
	var buf []byte
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && asciiLower[c] == 0 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		buf = buf[:0]
		for i < len(text) {
			if c := asciiLower[text[i]]; c != 0 { // the common case: ASCII letters and digits
				buf = append(buf, c)
				i++
				continue
			}
			r, size = utf8.DecodeRuneInString(text[i:])
			if r >= utf8.RuneSelf && isWordRune(r) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				i += size
				continue
			}
			if (r == '\'' || r == '’' || r == '-') && i+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if isWordRune(next) {
					if r == '’' {
						r = '\''
					}
					buf = append(buf, byte(r))
					i += size
					continue
				}
			}
			break
		}
		fn(buf, Span{start, i})
	}
}

// asciiLower maps an ASCII letter or digit to its lower case, and every
// other byte (punctuation, space, the bytes of longer UTF-8 sequences) to 0.
var asciiLower = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiLower[r] != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Hashes returns the 64-bit xxh3 hash of every lower-cased word of text, in
// order, appended to dst.
func Hashes(dst []uint64, text string) []uint64 {
	Each(text, func(w []byte, _ Span) { dst = append(dst, xxh3.Hash(w)) })
	return dst
}
