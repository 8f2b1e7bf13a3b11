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

	// Set by Prime for a dated article when document frequencies decay:
	// those of its terms, in the order of Terms, and the number of
	// articles, both seen from its publication time.
	dfs   []float32
	ndocs float32
}

// nameSeed separates the key space of names from that of word stems.
const nameSeed = 0x6e616d65

// Extract computes the features of a document from its title and text.
// Title words count titleBoost times, the lead (the first leadWords words)
// once more. Each text is read once.
func Extract(title, text string, p Params) Features {
	r := reader{p: p, counts: map[uint64]float32{}, names: map[uint64]bool{}}
	r.read(title, p.TitleBoost, 0)
	r.read(text, 1, p.LeadWords)
	f := Features{Terms: make([]Term, 0, len(r.counts))}
	for k, c := range r.counts {
		if r.names[k] {
			f.Names++
		}
		f.Terms = append(f.Terms, Term{Key: k, W: float32(1 + math.Log(float64(c)))})
	}
	slices.SortFunc(f.Terms, func(a, b Term) int { return cmp.Compare(a.Key, b.Key) })
	slices.Sort(r.years)
	f.Years = r.years
	return f
}

// stemKeys caches the key of every word: the hash of its Snowball stem, or
// 0 for a stop word.
var stemKeys = words.NewCache(func(w []byte) uint64 {
	if words.Stop(string(w)) {
		return 0
	}
	return max(xxh3.HashString(words.Stem(string(w))), 1)
})

// reader counts the terms, names and years of a document's texts.
type reader struct {
	p      Params
	counts map[uint64]float32
	names  map[uint64]bool
	years  []uint16
	phrase []nameWord // the name being read
}

// nameWord is one word of a name: where it is and whether it is in the lead.
type nameWord struct {
	at   words.Span
	lead bool
}

// read adds the stems of the content words of s, the names in s (each word
// of a name, and each name of several words as one phrase) and the years
// it names, with weight; words among the first lead count once more.
func (r *reader) read(s string, weight float32, lead int) {
	i, prevEnd := 0, 0
	words.Each(s, func(w []byte, at words.Span) {
		inLead := i < lead
		i++
		r.year(w)
		if !onlySpaces(s[prevEnd:at.Start]) {
			r.flush(s, weight)
		}
		prevEnd = at.End
		key := uint64(0)
		if len(w) >= 2 {
			key = stemKeys.Get(w, xxh3.Hash(w))
		}
		if key != 0 {
			r.counts[key] += weight
			if inLead {
				r.counts[key] += weight
			}
		}
		if key == 0 || calendar[string(w)] || !capitalised(s[at.Start:]) || sentenceInitial(s, at.Start) {
			r.flush(s, weight)
			return
		}
		r.phrase = append(r.phrase, nameWord{at, inLead})
	})
	r.flush(s, weight)
}

// flush counts the name just read: whole, and again as far as it lies in
// the lead.
func (r *reader) flush(s string, weight float32) {
	if len(r.phrase) == 0 {
		return
	}
	r.name(s, r.phrase, weight)
	n := 0
	for n < len(r.phrase) && r.phrase[n].lead {
		n++
	}
	if n > 0 {
		r.name(s, r.phrase[:n], weight)
	}
	r.phrase = r.phrase[:0]
}

func (r *reader) name(s string, phrase []nameWord, weight float32) {
	add := func(lower string) {
		k := xxh3.HashSeed([]byte(lower), nameSeed)
		r.counts[k] += weight * r.p.NameBoost
		r.names[k] = true
	}
	parts := make([]string, len(phrase))
	for i, nw := range phrase {
		parts[i] = strings.ToLower(s[nw.at.Start:nw.at.End])
	}
	if len(parts) > 1 {
		add(strings.Join(parts, " "))
	}
	for _, w := range parts {
		add(w)
	}
}

// year notes w when it is a year from 1900 to 2099.
func (r *reader) year(w []byte) {
	if len(w) != 4 || !(w[0] == '1' && w[1] == '9' || w[0] == '2' && w[1] == '0') || w[2] < '0' || w[2] > '9' || w[3] < '0' || w[3] > '9' {
		return
	}
	y := uint16(w[0]-'0')*1000 + uint16(w[1]-'0')*100 + uint16(w[2]-'0')*10 + uint16(w[3]-'0')
	if !slices.Contains(r.years, y) {
		r.years = append(r.years, y)
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

// calendar words are capitalised but name no one.
var calendar = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}
