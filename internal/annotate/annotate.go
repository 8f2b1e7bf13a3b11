package annotate

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Annotations are everything read from one text, in byte offsets.
type Annotations struct {
	Sentences  []Span
	Entities   []Entity
	Quotes     []Quote
	Credits    []Credit
	Timexes    []Timex
	Quantities []Quantity
}

// Annotate reads a clean report. published anchors relative dates (zero:
// values stay relative); outlet is the report's own outlet, never credited
// to itself; known are further outlet names to recognise in credits (the
// other outlets of a story).
func Annotate(text string, published time.Time, outlet string, known ...string) Annotations {
	var a Annotations
	a.Sentences = Sentences(text)
	a.Entities = FindEntities(text, a.Sentences)
	a.Quotes = FindQuotes(text, a.Sentences)
	refineSpeakers(a.Quotes, a.Entities)
	w := wordsOf(text)
	a.Credits = findCredits(w, outlet, known)
	a.Timexes = alignYears(findTimexes(w, published), a.Sentences)
	a.Quantities = findQuantities(w, a.Timexes)
	return a
}

// alignYears dates a bare month by a year the same sentence names: "in
// May, 2019", "last year … in December".
func alignYears(ts []Timex, sents []Span) []Timex {
	for i := range ts {
		t := &ts[i]
		if t.Type != "DATE" || len(t.Value) != 7 || !bareMonth.MatchString(t.Text) {
			continue
		}
		for _, s := range sents {
			if t.Start < s.Start || t.End > s.End {
				continue
			}
			for _, o := range ts {
				if o.Type == "DATE" && len(o.Value) == 4 && o.Start >= s.Start && o.End <= s.End && o.Value != t.Value[:4] {
					t.Value = o.Value + t.Value[4:]
					t.Upcoming = false
					break
				}
			}
		}
	}
	return ts
}

var bareMonth = regexp.MustCompile(`^(?i)` + monthNames + `$`)

// refineSpeakers gives named speakers their canonical names and types from
// the entities ("Pompeo" → Mike Pompeo, a person), and pronoun speakers
// with nobody quoted before them the last person named.
func refineSpeakers(qs []Quote, es []Entity) {
	// Two or three unknown capitalised words whose last word speaks alone
	// ("Halvorsen said") are a person's name.
	for i := range es {
		if !es[i].guessed {
			continue
		}
		f := strings.Fields(es[i].Text)
		for _, q := range qs {
			if q.Source != nil && len(f) > 1 && q.Source.Text == f[len(f)-1] {
				name := es[i].Name
				for k := range es {
					if es[k].Name == name || es[k].Text == f[len(f)-1] {
						es[k].Type, es[k].Name, es[k].guessed = Person, name, false
					}
				}
				break
			}
		}
	}
	for i := range qs {
		q := &qs[i]
		if q.Source == nil {
			continue
		}
		var last *Entity
		for k := range es {
			e := &es[k]
			if e.Start >= q.Source.Start && e.End <= q.Source.End {
				if e.Type == Person || last == nil {
					last = e
				}
			}
		}
		switch {
		case last != nil && (q.SourceType == NamedPerson || q.SourceType == NamedOrg):
			q.Speaker = last.Name
			if last.Type == Person {
				q.SourceType = NamedPerson
			} else {
				q.SourceType = NamedOrg
			}
		case q.SourceType == Unresolved && (q.Source.Text == "he" || q.Source.Text == "she" || q.Source.Text == "He" || q.Source.Text == "She"):
			for k := len(es) - 1; k >= 0; k-- {
				if es[k].Type == Person && es[k].End <= q.Source.Start {
					q.Speaker, q.SourceType = es[k].Name, NamedPerson
					break
				}
			}
		}
	}
}

// JSON is the public shape of annotations: offsets in Unicode code points
// from the start of the text (the annotate contract).
type JSON struct {
	Sentences  []SpanJSON     `json:"sentences"`
	Entities   []EntityJSON   `json:"entities"`
	Quotes     []QuoteJSON    `json:"quotes"`
	Credits    []CreditJSON   `json:"credits"`
	Timexes    []TimexJSON    `json:"timexes"`
	Quantities []QuantityJSON `json:"quantities"`
}

// SpanJSON is a span in code points.
type SpanJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// EntityJSON is an entity in the public shape.
type EntityJSON struct {
	SpanJSON
	Type    string  `json:"type"`
	Name    string  `json:"name"`
	Role    string  `json:"role,omitempty"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat,omitempty"`
	Lon     float64 `json:"lon,omitempty"`
}

// QuoteJSON is a quote in the public shape.
type QuoteJSON struct {
	Source      *SpanJSON  `json:"source"`
	Cue         *SpanJSON  `json:"cue"`
	Content     *SpanJSON  `json:"content"`
	ContentMore []SpanJSON `json:"content_more,omitempty"`
	Direct      bool       `json:"direct"`
	Speaker     string     `json:"speaker"`
	SourceType  string     `json:"source_type"`
}

// CreditJSON is a credit in the public shape.
type CreditJSON struct {
	SpanJSON
	Outlet string `json:"outlet"`
	Kind   string `json:"kind"`
}

// TimexJSON is a time expression in the public shape.
type TimexJSON struct {
	SpanJSON
	Type     string `json:"type"`
	Value    string `json:"value"`
	Upcoming bool   `json:"upcoming,omitempty"`
}

// QuantityJSON is a quantity in the public shape.
type QuantityJSON struct {
	SpanJSON
	Value  float64 `json:"value"`
	To     float64 `json:"to,omitempty"`
	Approx bool    `json:"approx,omitempty"`
	Bound  string  `json:"bound,omitempty"` // min, max or about: what "at least", "up to", "about" make of it
	Unit   string  `json:"unit,omitempty"`
}

// ToJSON converts byte offsets into code point offsets.
func (a Annotations) ToJSON(text string) JSON {
	cp := newCodePoints(text)
	sp := func(s, e int) SpanJSON { return SpanJSON{cp.at(s), cp.at(e), text[s:e]} }
	opt := func(s *Span) *SpanJSON {
		if s == nil {
			return nil
		}
		v := sp(s.Start, s.End)
		return &v
	}
	out := JSON{Sentences: []SpanJSON{}, Entities: []EntityJSON{}, Quotes: []QuoteJSON{}, Credits: []CreditJSON{}, Timexes: []TimexJSON{}, Quantities: []QuantityJSON{}}
	for _, s := range a.Sentences {
		out.Sentences = append(out.Sentences, sp(s.Start, s.End))
	}
	for _, e := range a.Entities {
		j := EntityJSON{SpanJSON: sp(e.Start, e.End), Type: e.Type, Name: e.Name, Role: e.Role}
		if e.Place != nil {
			j.Country, j.Lat, j.Lon = e.Place.Country, e.Place.Lat, e.Place.Lon
		}
		out.Entities = append(out.Entities, j)
	}
	for _, q := range a.Quotes {
		j := QuoteJSON{Source: opt(q.Source), Cue: opt(q.Cue), Content: opt(q.Content), Direct: q.Direct, Speaker: q.Speaker, SourceType: q.SourceType}
		for _, m := range q.More {
			j.ContentMore = append(j.ContentMore, sp(m.Start, m.End))
		}
		out.Quotes = append(out.Quotes, j)
	}
	for _, c := range a.Credits {
		out.Credits = append(out.Credits, CreditJSON{SpanJSON: sp(c.Start, c.End), Outlet: c.Outlet, Kind: c.Kind})
	}
	for _, t := range a.Timexes {
		out.Timexes = append(out.Timexes, TimexJSON{SpanJSON: sp(t.Start, t.End), Type: t.Type, Value: t.Value, Upcoming: t.Upcoming})
	}
	for _, q := range a.Quantities {
		out.Quantities = append(out.Quantities, QuantityJSON{SpanJSON: sp(q.Start, q.End), Value: q.Value, To: q.To, Approx: q.Approx, Bound: q.Bound, Unit: q.Unit})
	}
	return out
}

// codePoints maps byte offsets to code point offsets.
type codePoints struct{ starts []int }

func newCodePoints(text string) codePoints {
	starts := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		starts = append(starts, i)
	}
	return codePoints{starts}
}

func (c codePoints) at(b int) int { return sort.SearchInts(c.starts, b) }
