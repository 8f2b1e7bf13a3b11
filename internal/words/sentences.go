package words

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true, "sgt": true,
	"capt": true, "cmdr": true, "adm": true, "gov": true, "sen": true, "rep": true, "rev": true, "st": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "ltd": true, "co": true, "no": true, "vs": true, "etc": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true, "approx": true, "dept": true,
	"est": true, "fig": true, "sens": true, "reps": true, "atty": true, "del": true, "u.s": true, "u.k": true, "u.n": true, "a.m": true, "p.m": true,
}

// Sentences splits text into sentence spans: at a line break, or after
// ".", "!" or "?" (and any closing quotes or brackets) followed by space and
// a capital, digit or opening quote, unless the full stop ends an
// abbreviation ("Gen.", "U.S.", "Jan.") or a single initial ("J.").
func Sentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			emit(i + 1)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.ContainsRune("\"')]”’»", rune(text[j])) || j+2 < len(text) && (text[j:j+3] == "”" || text[j:j+3] == "’") {
			if text[j] == 0xe2 {
				j += 3
			} else {
				j++
			}
		}
		if j >= len(text) || text[j] != ' ' {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k >= len(text) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if next == '(' && k+1 < len(text) && text[k+1] >= 'A' && text[k+1] <= 'Z' {
			next = 'A' // "… depreciated. (Mr. Trump has also …)": an aside in its own sentence
		}
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '“' || next == '‘' || next == '\'') {
			continue
		}
		if c == '.' && j == i+1 && endsAbbreviation(text[start:i]) {
			continue
		}
		emit(j)
	}
	emit(len(text))
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func endsAbbreviation(before string) bool {
	w := before
	if k := strings.LastIndexAny(w, " \n\t(\"“"); k >= 0 {
		w = w[k+1:]
	}
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // an initial: "J. Smith"
	}
	return abbreviations[strings.ToLower(w)]
}
