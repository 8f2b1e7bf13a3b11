package annotate

import (
	"regexp"
	"strings"
)

// A keyed pattern is a regular expression whose every match contains one of
// a few key words (or a number). Go's regexp tries a pattern at every
// position of a text; a keyed pattern is run only on the stretches of text
// around its key words, which gives the same matches for a fraction of the
// work: most sentences of a report hold no date, figure or credit.
type keyedPattern struct {
	re        *regexp.Regexp
	keys      map[string]bool // lower-case words, one of which every match contains
	digits    bool            // a word that holds a digit is a key too
	back, fwd int             // words a match may reach before and after its key
	// lower is a case-insensitive pattern compiled case-sensitive, to run
	// over the text in ASCII lower case (same byte offsets, and no case
	// folding at every step).
	lower *regexp.Regexp
}

// keyed builds a keyed pattern: keys is a space-separated list of lower-case
// words, "#" standing for any word that holds a digit (a match may start
// inside a word: "__0%" holds the figure "0%").
func keyed(re *regexp.Regexp, keys string, back, fwd int) keyedPattern {
	k := keyedPattern{re: re, keys: map[string]bool{}, back: back, fwd: fwd}
	if rest, ok := strings.CutPrefix(re.String(), "(?i)"); ok && !hasUpperLiteral(rest) {
		k.lower = regexp.MustCompile(rest)
	}
	for _, w := range strings.Fields(keys) {
		if w == "#" {
			k.digits = true
		} else {
			k.keys[w] = true
			keyWords[w] = w
		}
	}
	return k
}

// hasUpperLiteral reports whether a pattern holds an upper-case letter
// that is not part of an escape (\B, \S, \W, \D, \pL, \p{Lu}).
func hasUpperLiteral(pat string) bool {
	for i := 0; i < len(pat); i++ {
		switch c := pat[i]; {
		case c == '\\':
			i++
			if i < len(pat) && (pat[i] == 'p' || pat[i] == 'P') {
				if i+1 < len(pat) && pat[i+1] == '{' {
					for i < len(pat) && pat[i] != '}' {
						i++
					}
				} else {
					i++
				}
			}
		case 'A' <= c && c <= 'Z':
			return true
		}
	}
	return false
}

// fullScan runs keyed patterns over the whole text (tests compare both).
var fullScan = false

// wordSpans are a text's word spans: runs of ASCII letters, digits and
// underscores, the bytes regexp's \b counts as word characters, so that a
// cut between two words never changes where a word boundary is.
type wordSpans struct {
	text  string
	low   string // text in ASCII lower case, made on first use
	spans [][2]int
	lower []string // the lower-case word, only for words short enough to be a key
	digit []bool   // whether the word holds a digit
}

func wordsOf(text string) *wordSpans {
	w := &wordSpans{text: text}
	var buf [24]byte
	for i := 0; i < len(text); {
		if !isKeyByte(text[i]) {
			i++
			continue
		}
		s, digit := i, false
		for i < len(text) && isKeyByte(text[i]) {
			digit = digit || '0' <= text[i] && text[i] <= '9'
			i++
		}
		w.spans = append(w.spans, [2]int{s, i})
		w.digit = append(w.digit, digit)
		low := ""
		if i-s <= len(buf) {
			b := buf[:0]
			for _, c := range []byte(text[s:i]) {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
			}
			low = keyWord(b)
		}
		w.lower = append(w.lower, low)
	}
	return w
}

// keyWords interns the words any keyed pattern uses, so that looking up a
// text's words allocates nothing.
var keyWords = map[string]string{}

func keyWord(b []byte) string { return keyWords[string(b)] }

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isKeyByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// findAll is regexp.FindAllStringSubmatchIndex over the text, run on the
// stretches around the pattern's keys, with offsets into the whole text.
func (w *wordSpans) findAll(k keyedPattern) [][]int {
	if fullScan {
		return k.re.FindAllStringSubmatchIndex(w.text, -1)
	}
	re, text := k.re, w.text
	if k.lower != nil {
		if w.low == "" {
			w.low = asciiLower(w.text)
		}
		re, text = k.lower, w.low
	}
	var out [][]int
	from, to := -1, -1 // the stretch being gathered, in words
	flush := func() {
		if from < 0 {
			return
		}
		s := 0
		if from > 0 {
			s = w.spans[from-1][1]
		}
		e := len(w.text)
		if to+1 < len(w.spans) {
			e = w.spans[to+1][0]
		}
		for _, m := range re.FindAllStringSubmatchIndex(text[s:e], -1) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += s
				}
			}
			out = append(out, m)
		}
	}
	for i := range w.spans {
		if !(k.digits && w.digit[i]) && (w.lower[i] == "" || !k.keys[w.lower[i]]) {
			continue
		}
		lo, hi := max(0, i-k.back), min(len(w.spans)-1, i+k.fwd)
		if from >= 0 && lo <= to+1 {
			to = max(to, hi)
			continue
		}
		flush()
		from, to = lo, hi
	}
	flush()
	return out
}
