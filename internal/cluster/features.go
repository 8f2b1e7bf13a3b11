package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/words"
	"github.com/zeebo/xxh3"
)

// Term is one weighted feature of a document: a stemmed content word or a
// name (a run of capitalised words inside a sentence).
type Term struct {
	Key uint64
	W   float32 // 1 + ln(count), with title and lead words counted extra
}

// Features is what the assigner reads of a document: its terms, sorted by
// Key, names included with their own keys.
type Features struct {
	Terms []Term
	Names int      // how many of Terms are names
	Years []uint16 // the years (1900-2099) the text mentions, sorted
}

// nameSeed separates the key space of names from that of word stems.
const nameSeed = 0x6e616d65

// Extract computes the features of a document from its title and text.
// Title words count titleBoost times, the lead (the first leadWords words)
// once more.
func Extract(title, text string, p Params) Features {
	counts := map[uint64]float32{}
	names := map[uint64]bool{}
	add := func(s string, weight float32) { countWords(s, weight, p, counts, names) }
	add(title, p.TitleBoost)
	add(text, 1)
	add(lead(text, p.LeadWords), 1)
	f := Features{Terms: make([]Term, 0, len(counts))}
	for k, c := range counts {
		if names[k] {
			f.Names++
		}
		f.Terms = append(f.Terms, Term{Key: k, W: float32(1 + math.Log(float64(c)))})
	}
	slices.SortFunc(f.Terms, func(a, b Term) int { return cmp.Compare(a.Key, b.Key) })
	f.Years = years(title + "\n" + text)
	return f
}

// lead returns the first n words of text (as a prefix of it).
func lead(text string, n int) string {
	end, seen := 0, 0
	words.Each(text, func(_ []byte, at words.Span) {
		if seen < n {
			end = at.End
		}
		seen++
	})
	return text[:end]
}

// countWords adds the stems of the content words of s to counts, and the
// names found in s (each word of a name, and each name of several words as
// one phrase) to counts and names.
func countWords(s string, weight float32, p Params, counts map[uint64]float32, names map[uint64]bool) {
	words.Each(s, func(w []byte, _ words.Span) {
		if word := string(w); len(w) >= 2 && !words.Stop(word) {
			counts[xxh3.HashString(words.Stem(word))] += weight
		}
	})
	add := func(k uint64) {
		counts[k] += weight * p.NameBoost
		names[k] = true
	}
	for _, n := range Names(s) {
		lower := strings.ToLower(n)
		if strings.IndexByte(lower, ' ') > 0 {
			add(xxh3.HashSeed([]byte(lower), nameSeed))
		}
		for _, w := range strings.Fields(lower) {
			add(xxh3.HashSeed([]byte(w), nameSeed))
		}
	}
}

// Names returns the names written in s, in order, repeats included: runs
// of capitalised words inside a sentence ("Sarah Palin", "Wasilla Bible
// Church"), joined by single spaces. A capital at the start of a sentence
// or line says nothing, so such words are left out.
func Names(s string) []string {
	var (
		out    []string
		phrase []string
	)
	flush := func() {
		if len(phrase) > 0 {
			out = append(out, strings.Join(phrase, " "))
		}
		phrase = phrase[:0]
	}
	prevEnd := 0
	words.Each(s, func(w []byte, at words.Span) {
		if !onlySpaces(s[prevEnd:at.Start]) {
			flush()
		}
		prevEnd = at.End
		if len(w) < 2 || words.Stop(string(w)) || calendar[string(w)] || !capitalised(s[at.Start:]) || sentenceInitial(s, at.Start) {
			flush()
			return
		}
		phrase = append(phrase, s[at.Start:at.End])
	})
	flush()
	return out
}

func onlySpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// sentenceInitial reports whether the word at i starts a sentence or a
// line: its capital then says nothing about it being a name.
func sentenceInitial(s string, i int) bool {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case r == ' ' || r == '\t':
			i -= size
		case r == '"' || r == '“' || r == '‘' || r == '(' || r == '\'':
			i -= size
		default:
			return r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' || r == '—' || r == '-'
		}
	}
	return true
}

// years returns the distinct years from 1900 to 2099 written in s.
func years(s string) []uint16 {
	var ys []uint16
	words.Each(s, func(w []byte, _ words.Span) {
		if len(w) != 4 || !(w[0] == '1' && w[1] == '9' || w[0] == '2' && w[1] == '0') || w[2] < '0' || w[2] > '9' || w[3] < '0' || w[3] > '9' {
			return
		}
		y := uint16(w[0]-'0')*1000 + uint16(w[1]-'0')*100 + uint16(w[2]-'0')*10 + uint16(w[3]-'0')
		if !slices.Contains(ys, y) {
			ys = append(ys, y)
		}
	})
	slices.Sort(ys)
	return ys
}

// calendar words are capitalised but name no one.
var calendar = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}
