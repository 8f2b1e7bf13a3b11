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
// buf is reused between calls to avoid allocation; fn must not keep it.
func Each(text string, fn func(word []byte, at Span)) {
	var buf []byte
	i := 0
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		buf = buf[:0]
		for i < len(text) {
			r, size = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if isWordRune(r) {
				buf = appendLower(buf, r)
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

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func appendLower(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	return utf8.AppendRune(buf, unicode.ToLower(r))
}

// Hashes returns the 64-bit xxh3 hash of every lower-cased word of text, in
// order, appended to dst.
func Hashes(dst []uint64, text string) []uint64 {
	Each(text, func(w []byte, _ Span) { dst = append(dst, xxh3.Hash(w)) })
	return dst
}
