package annotate

import (
	"encoding/xml"
	"fmt"
	"github.com/sitrep/sitrep/internal/metric"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// GoldDoc is one document of an annotated corpus in the NewsReader CAT XML
// layout of MEANTIME: the text rebuilt from its tokens (a space between
// tokens, a line break between sentences) and gold spans in byte offsets.
type GoldDoc struct {
	Name     string
	Text     string
	Created  time.Time // the document creation time, when annotated
	Timexes  []GoldSpan
	Entities []GoldSpan
}

// GoldSpan is one gold annotation: its span, type (DATE, PER...), value,
// and for entities the syntactic type (NAM, NOM, PRO...).
type GoldSpan struct {
	Start, End int
	Type       string
	Value      string
	Syntactic  string
	Creation   bool // the timex is the document's creation time
}

type catDoc struct {
	Name   string `xml:"doc_name,attr"`
	Tokens []struct {
		ID       string `xml:"t_id,attr"`
		Sentence string `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Markables struct {
		Timexes []struct {
			ID       string      `xml:"m_id,attr"`
			Type     string      `xml:"type,attr"`
			Value    string      `xml:"value,attr"`
			Function string      `xml:"functionInDocument,attr"`
			Anchors  []catAnchor `xml:"token_anchor"`
		} `xml:"TIMEX3"`
		Mentions []struct {
			ID        string      `xml:"m_id,attr"`
			Syntactic string      `xml:"syntactic_type,attr"`
			Anchors   []catAnchor `xml:"token_anchor"`
		} `xml:"ENTITY_MENTION"`
		Entities []struct {
			ID   string `xml:"m_id,attr"`
			Type string `xml:"ent_type,attr"`
		} `xml:"ENTITY"`
	} `xml:"Markables"`
	Relations struct {
		RefersTo []struct {
			Sources []struct {
				ID string `xml:"m_id,attr"`
			} `xml:"source"`
			Target struct {
				ID string `xml:"m_id,attr"`
			} `xml:"target"`
		} `xml:"REFERS_TO"`
	} `xml:"Relations"`
}

type catAnchor struct {
	ID string `xml:"t_id,attr"`
}

// LoadCAT reads every .xml file under dir (recursively) as a CAT document.
func LoadCAT(dir string) ([]GoldDoc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	docs := make([]GoldDoc, 0, len(paths))
	for _, p := range paths {
		d, err := loadCATFile(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func loadCATFile(path string) (GoldDoc, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return GoldDoc{}, err
	}
	var c catDoc
	if err := xml.Unmarshal(raw, &c); err != nil {
		return GoldDoc{}, err
	}
	doc := GoldDoc{Name: c.Name}
	type span struct{ start, end int }
	at := map[string]span{}
	var b strings.Builder
	prevSentence := ""
	for i, t := range c.Tokens {
		if i > 0 {
			if t.Sentence != prevSentence {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		prevSentence = t.Sentence
		at[t.ID] = span{b.Len(), b.Len() + len(t.Text)}
		b.WriteString(t.Text)
	}
	doc.Text = b.String()
	bounds := func(as []catAnchor) (int, int, bool) {
		start, end := -1, -1
		for _, a := range as {
			s, ok := at[a.ID]
			if !ok {
				continue
			}
			if start < 0 || s.start < start {
				start = s.start
			}
			end = max(end, s.end)
		}
		return start, end, start >= 0
	}
	for _, t := range c.Markables.Timexes {
		creation := t.Function == "CREATION_TIME"
		if creation {
			for _, layout := range []string{"2006-01-02", "02-01-2006"} {
				if d, err := time.Parse(layout, t.Value); err == nil {
					doc.Created = d
					break
				}
			}
		}
		if s, e, ok := bounds(t.Anchors); ok {
			doc.Timexes = append(doc.Timexes, GoldSpan{Start: s, End: e, Type: t.Type, Value: t.Value, Creation: creation})
		}
	}
	entType := map[string]string{}
	for _, e := range c.Markables.Entities {
		entType[e.ID] = e.Type
	}
	mentionType := map[string]string{}
	for _, r := range c.Relations.RefersTo {
		for _, src := range r.Sources {
			mentionType[src.ID] = entType[r.Target.ID]
		}
	}
	for _, m := range c.Markables.Mentions {
		if s, e, ok := bounds(m.Anchors); ok {
			doc.Entities = append(doc.Entities, GoldSpan{Start: s, End: e, Type: mentionType[m.ID], Syntactic: m.Syntactic})
		}
	}
	return doc, nil
}

// TimexScore is the agreement of found time expressions with gold ones.
type TimexScore struct {
	Docs int `json:"docs"`
	// Gold DATE expressions (with text), how many a found expression
	// overlaps, and how many of those got the gold value.
	GoldDates   int     `json:"gold_dates"`
	Found       int     `json:"found"`
	Correct     int     `json:"correct"`
	Accuracy    float64 `json:"value_accuracy"` // Correct / GoldDates
	SpanRecall  float64 `json:"span_recall"`    // Found / GoldDates
	Predicted   int     `json:"predicted_dates"`
	SpanPrecise float64 `json:"span_precision"` // predicted DATEs overlapping any gold timex
	Misses      []Miss  `json:"misses,omitempty"`
}

// Miss is a gold expression not found or given another value.
type Miss struct {
	Doc   string `json:"doc"`
	Text  string `json:"text"`
	Gold  string `json:"gold"`
	Found string `json:"found,omitempty"`
}

// ScoreTimexes runs FindTimexes over each document, anchored at its
// creation time (or, where none is annotated, the date GuessAnchor reads
// from its opening lines), and scores DATE values: value accuracy is the share of
// gold DATE expressions that a found expression overlaps with the same
// value (the creation-time expression included, as it is in the text).
func ScoreTimexes(docs []GoldDoc) TimexScore {
	var sc TimexScore
	sc.Docs = len(docs)
	for _, d := range docs {
		anchor := d.Created
		if anchor.IsZero() {
			anchor = GuessAnchor(d.Text)
		}
		found := FindTimexes(d.Text, anchor)
		for _, f := range found {
			if f.Type != "DATE" {
				continue
			}
			sc.Predicted++
			for _, g := range d.Timexes {
				if f.Start < g.End && g.Start < f.End {
					sc.SpanPrecise++
					break
				}
			}
		}
		for _, g := range d.Timexes {
			if g.Type != "DATE" {
				continue
			}
			sc.GoldDates++
			got := ""
			for _, f := range found {
				if f.Start < g.End && g.Start < f.End {
					got = f.Value
					break
				}
			}
			if got != "" {
				sc.Found++
			}
			if got == g.Value {
				sc.Correct++
			} else {
				sc.Misses = append(sc.Misses, Miss{Doc: d.Name, Text: d.Text[g.Start:g.End], Gold: g.Value, Found: got})
			}
		}
	}
	if sc.GoldDates > 0 {
		sc.Accuracy = float64(sc.Correct) / float64(sc.GoldDates)
		sc.SpanRecall = float64(sc.Found) / float64(sc.GoldDates)
	}
	if sc.Predicted > 0 {
		sc.SpanPrecise /= float64(sc.Predicted)
	}
	return sc
}

// EntityScore is precision, recall and F1 of named entity mentions, overall
// and per type (PER, ORG, LOC).
type EntityScore struct {
	Docs    int
	P, R, F float64
	// StrictP and StrictF count a found name that gold marks only as a
	// premodifier (PRE.NAM: "Airbus" in "Airbus chief executive") wrong.
	StrictP, StrictF float64
	Types            map[string]*TypeScore
}

// TypeScore is the score of one entity type.
type TypeScore struct {
	Gold, Found, GoldHit, FoundHit int
	StrictHit                      int // found entities overlapping a NAM mention
	P, R, F                        float64
}

// entityTypeGold maps sitrep's entity types to MEANTIME's.
var entityTypeGold = map[string]string{Person: "PER", Org: "ORG", Loc: "LOC"}

// ScoreEntities finds the entities of every document and scores them
// against the gold named mentions (syntactic type NAM) of PER, ORG and LOC
// entities: a found entity is right when it overlaps a gold name of its
// type (NAM, or PRE.NAM: a name used as a premodifier, as "Airbus" in
// "Airbus chief executive"); a gold NAM mention is found when a found
// entity of its type overlaps it. Premodifier names are not required;
// StrictP counts finding them wrong; text after the last annotated sentence is left out,
// as the corpus annotates only the opening sentences.
func ScoreEntities(docs []GoldDoc) EntityScore {
	sc := EntityScore{Docs: len(docs), Types: map[string]*TypeScore{}}
	for _, t := range []string{"PER", "ORG", "LOC"} {
		sc.Types[t] = &TypeScore{}
	}
	for _, d := range docs {
		found := FindEntities(d.Text, Sentences(d.Text))
		// MEANTIME annotates only the opening sentences of each article:
		// entities found after the last sentence with a gold mention are
		// not judged.
		limit := 0
		for _, g := range d.Entities {
			limit = max(limit, g.End)
		}
		if k := strings.IndexByte(d.Text[limit:], '\n'); k >= 0 {
			limit += k
		} else {
			limit = len(d.Text)
		}
		kept := found[:0]
		for _, e := range found {
			if e.End <= limit {
				kept = append(kept, e)
			}
		}
		found = kept
		var gold, named []GoldSpan
		for _, g := range d.Entities {
			if sc.Types[g.Type] == nil {
				continue
			}
			if g.Syntactic == "NAM" {
				gold = append(gold, g)
				sc.Types[g.Type].Gold++
			}
			if g.Syntactic == "NAM" || g.Syntactic == "PRE.NAM" {
				named = append(named, g)
			}
		}
		for _, e := range found {
			t := entityTypeGold[e.Type]
			ts := sc.Types[t]
			if ts == nil {
				continue
			}
			ts.Found++
			if overlapsType(e, t, named, "") {
				ts.FoundHit++
			}
			if overlapsType(e, t, named, "NAM") {
				ts.StrictHit++
			}
		}
		for _, g := range gold {
			for _, e := range found {
				if entityTypeGold[e.Type] == g.Type && e.Start < g.End && g.Start < e.End {
					sc.Types[g.Type].GoldHit++
					break
				}
			}
		}
	}
	var gold, foundN, gh, fh, strict int
	for _, ts := range sc.Types {
		ts.P, ts.R = metric.Ratio(ts.FoundHit, ts.Found), metric.Ratio(ts.GoldHit, ts.Gold)
		ts.F = metric.F1(ts.P, ts.R)
		gold, foundN, gh, fh, strict = gold+ts.Gold, foundN+ts.Found, gh+ts.GoldHit, fh+ts.FoundHit, strict+ts.StrictHit
	}
	sc.P, sc.R = metric.Ratio(fh, foundN), metric.Ratio(gh, gold)
	sc.F = metric.F1(sc.P, sc.R)
	sc.StrictP = metric.Ratio(strict, foundN)
	sc.StrictF = metric.F1(sc.StrictP, sc.R)
	return sc
}

// overlapsType reports whether e overlaps a gold mention of type t (and of
// syntactic type syn, when given).
func overlapsType(e Entity, t string, gold []GoldSpan, syn string) bool {
	for _, g := range gold {
		if g.Type == t && (syn == "" || g.Syntactic == syn) && e.Start < g.End && g.Start < e.End {
			return true
		}
	}
	return false
}
