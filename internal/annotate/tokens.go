package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or one punctuation mark of a sentence, in byte offsets
// into the whole text. low is the lower-cased word ("" for punctuation);
// punct is the mark.
type token struct {
	s, e  int
	low   string
	punct rune
	upper bool // the word starts with a capital letter
}

func (t token) isWord() bool { return t.low != "" }

// inName reports whether t may stand inside a name: a word, a full stop
// ("Gov."), or an apostrophe ("O'Brien").
func (t token) inName() bool {
	return t.isWord() || t.punct == '.' || t.punct == '\'' || t.punct == '’'
}

// tokenize splits text[s:e] into words and punctuation marks. A word is a
// run of letters and digits with inner apostrophes, hyphens and full stops
// kept ("don't", "al-Kadhimi", "U.S"); a possessive "'s" stays on its word.
func tokenize(text string, s, e int) []token {
	var out []token
	i := s
	for i < e {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if (r == '\'' || r == '`') && i+1 < e && text[i+1] == text[i] {
			// '' and `` stand for double quotation marks.
			out = append(out, token{s: i, e: i + 2, punct: '"'})
			i += 2
			continue
		}
		if !isWordRune(r) {
			out = append(out, token{s: i, e: i + n, punct: r})
			i += n
			continue
		}
		j := i + n
		for j < e {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' {
				if r3, _ := utf8.DecodeRuneInString(text[j+n2:]); j+n2 < e && isWordRune(r3) {
					j += n2
					continue
				}
			}
			break
		}
		w := text[i:j]
		out = append(out, token{s: i, e: j, low: strings.ToLower(w), upper: unicode.IsUpper(r)})
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isQuoteMark reports whether r opens or closes a quotation.
func isQuoteMark(r rune) bool { return r == '"' || r == '“' || r == '”' }
