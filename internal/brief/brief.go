// Package brief builds the cross-source brief of one story from its
// analysed articles (copy links set): coverage, the first reporter with its
// evidence, claims aligned across outlets (corroborated, single-source,
// conflicting), shared quotes and how each outlet attributes them,
// sourcing, entities, a timeline of resolved dates, and an extractive
// summary. Renderers for text, Markdown and JSON are separate.
package brief

import (
	"sort"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/annotate"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/parallel"
)

// Brief is the cross-source brief of one story.
type Brief struct {
	Story    string `json:"story"`
	Headline string `json:"headline"`
	// Summary is a few lead sentences chosen across independent outlets.
	Summary []Line `json:"summary"`
	// Reports is the coverage: every report, oldest first.
	Reports []Report `json:"reports"`
	// Outlets counts distinct outlets; Independent counts independent
	// reports (a copy group once).
	Outlets     int           `json:"outlets"`
	Independent int           `json:"independent"`
	First       *First        `json:"first_reporter"`
	Claims      []Claim       `json:"claims"`
	Conflicts   []Conflict    `json:"conflicts"`
	Quotes      []SharedQuote `json:"shared_quotes"`
	Sourcing    []Sourcing    `json:"sourcing"`
	Entities    []EntityUse   `json:"entities"`
	Timeline    []Event       `json:"timeline"`
}

// Line is a sentence from one outlet.
type Line struct {
	Outlet string `json:"outlet"`
	Text   string `json:"text"`
}

// Report is one report of the story.
type Report struct {
	ID        string     `json:"id"`
	Outlet    string     `json:"outlet"`
	Title     string     `json:"title,omitempty"`
	Published *time.Time `json:"published"`
	Words     int        `json:"words"`
	// CopyOf and CopyType say whom this report copies and how ("" for
	// an original); CopyOfOutlet names that report's outlet.
	CopyOf       string   `json:"copy_of"`
	CopyOfOutlet string   `json:"copy_of_outlet,omitempty"`
	CopyType     string   `json:"copy_type"`
	Credits      []Credit `json:"credits"`
}

// Credit is a report crediting another outlet.
type Credit struct {
	Outlet string `json:"outlet"`
	Kind   string `json:"kind"`
	Text   string `json:"text"`
}

// First is the first reporter and why.
type First struct {
	Outlet string `json:"outlet"`
	Report string `json:"report,omitempty"`
	// By is "credit" (another outlet says so) or "earliest" (the earliest
	// independent report with a publication time).
	By       string `json:"by"`
	Evidence string `json:"evidence"`
	// CreditedBy is the outlet whose report gives the credit.
	CreditedBy string `json:"credited_by,omitempty"`
}

// Claim statuses.
const (
	Corroborated = "corroborated"
	SingleSource = "single_source"
)

// Claim is a statement aligned across outlets.
type Claim struct {
	Status   string   `json:"status"`
	Outlets  []string `json:"outlets"`
	Versions []Line   `json:"versions"`
}

// Conflict is the same matter told differently by two outlets.
type Conflict struct {
	// About says what differs: "figure", "date", "duration", or
	// "qualifier" (the same figure or date, one side a floor and the other
	// a ceiling: "at least nine ships" vs "up to nine ships").
	About string `json:"about"`
	Sides []Side `json:"sides"`
}

// Side is one outlet's account in a conflict.
type Side struct {
	Outlet string `json:"outlet"`
	Says   string `json:"says"` // the differing expression
	Text   string `json:"text"` // its sentence
}

// SharedQuote is a quotation that several outlets carry.
type SharedQuote struct {
	Text         string        `json:"text"`
	Attributions []Attribution `json:"attributions"`
}

// Attribution is how one outlet attributes a quote.
type Attribution struct {
	Outlet     string `json:"outlet"`
	Source     string `json:"source"`      // as written: "a department official", "they"
	Speaker    string `json:"speaker"`     // resolved
	SourceType string `json:"source_type"` // named_person, anonymous_official, …
}

// Sourcing is how one outlet sources its report.
type Sourcing struct {
	Outlet    string   `json:"outlet"`
	Named     []string `json:"named"`
	Anonymous []string `json:"anonymous"`
	Documents []string `json:"documents"`
}

// EntityUse is an entity and the outlets that mention it.
type EntityUse struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Role    string   `json:"role,omitempty"`
	Country string   `json:"country,omitempty"`
	Lat     float64  `json:"lat,omitempty"`
	Lon     float64  `json:"lon,omitempty"`
	Outlets []string `json:"outlets"`
	Quoted  bool     `json:"quoted"`
}

// Event is a dated event of the story.
type Event struct {
	Value    string   `json:"value"` // TIMEX3-style: 2020-12-01, 2020-11, 2021
	Date     string   `json:"date"`  // as read: "2020-12-01 (Tuesday)"
	Upcoming bool     `json:"upcoming"`
	Text     string   `json:"text"`
	Outlets  []string `json:"outlets"`
}

// doc is one report with its annotations.
type doc struct {
	a      *model.Article
	outlet string
	ann    annotate.Annotations
	sents  []sentence
	root   string // the copy group's original
}

// Build makes the brief of one story's articles. Copy links must be set
// (pipeline.Analyse); articles are read in publication order.
func Build(arts []*model.Article) *Brief {
	arts = append([]*model.Article(nil), arts...)
	sort.SliceStable(arts, func(i, j int) bool { return before(arts[i], arts[j]) })
	byID := map[string]*model.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	var known []string
	for _, a := range arts {
		known = append(known, outletOf(a))
	}
	docs := make([]*doc, len(arts))
	parallel.For(len(arts), 0, func(i int) {
		a := arts[i]
		d := &doc{a: a, outlet: outletOf(a), root: rootOf(a, byID)}
		d.ann = annotate.Annotate(a.Text, a.Published, d.outlet, known...)
		// Contributor lines moved out of the body credit outlets too; their
		// offsets point into the lines, not the text, so they are marked -1.
		for _, c := range annotate.FindCreditsKnown(strings.Join(a.Credits, "\n"), d.outlet, known) {
			c.Start, c.End = -1, -1
			d.ann.Credits = append(d.ann.Credits, c)
		}
		d.sents = sentencesOf(d)
		docs[i] = d
	})
	b := &Brief{}
	if len(arts) > 0 {
		b.Story = arts[0].Story
	}
	b.coverage(docs, byID)
	b.first(docs)
	indep := independent(docs)
	b.claims(indep)
	b.conflicts(indep)
	b.quotes(indep)
	b.sourcing(indep)
	b.entities(docs)
	b.timeline(indep)
	b.summary(indep)
	return b
}

func before(a, b *model.Article) bool {
	switch {
	case a.Published.IsZero() != b.Published.IsZero():
		return !a.Published.IsZero()
	case !a.Published.Equal(b.Published):
		return a.Published.Before(b.Published)
	}
	return a.ID < b.ID
}

func outletOf(a *model.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return "unknown outlet (" + a.ID + ")"
}

// rootOf follows copy links to the original.
func rootOf(a *model.Article, byID map[string]*model.Article) string {
	id := a.ID
	for seen := 0; seen < 64; seen++ {
		x, ok := byID[id]
		if !ok || x.CopyOf == "" || x.CopyOf == id {
			return id
		}
		id = x.CopyOf
	}
	return id
}

// independent keeps one report per copy group: the original.
func independent(docs []*doc) []*doc {
	var out []*doc
	for _, d := range docs {
		if d.root == d.a.ID {
			out = append(out, d)
		}
	}
	return out
}

func (b *Brief) coverage(docs []*doc, byID map[string]*model.Article) {
	outlets := map[string]bool{}
	for _, d := range docs {
		r := Report{ID: d.a.ID, Outlet: d.outlet, Title: d.a.Title, Words: len(strings.Fields(d.a.Text)), CopyOf: d.a.CopyOf, CopyType: d.a.CopyType, Credits: []Credit{}}
		if !d.a.Published.IsZero() {
			t := d.a.Published
			r.Published = &t
		}
		if o, ok := byID[d.a.CopyOf]; ok {
			r.CopyOfOutlet = outletOf(o)
		}
		for _, c := range d.ann.Credits {
			r.Credits = append(r.Credits, Credit{Outlet: c.Outlet, Kind: c.Kind, Text: c.Text})
		}
		b.Reports = append(b.Reports, r)
		outlets[d.outlet] = true
		if d.root == d.a.ID {
			b.Independent++
		}
	}
	b.Outlets = len(outlets)
}

// first names the first reporter: an explicit credit ("X was first to
// report") wins over timestamps; else the earliest independent report.
func (b *Brief) first(docs []*doc) {
	for _, d := range docs {
		for _, c := range d.ann.Credits {
			if c.Kind == annotate.CreditFirst {
				evidence := c.Text
				if c.Start >= 0 {
					evidence = sentenceAround(d.a.Text, c.Start, c.End)
				}
				f := &First{Outlet: c.Outlet, By: "credit", Evidence: evidence, CreditedBy: d.outlet}
				for _, o := range docs {
					if o.outlet == c.Outlet && o.root == o.a.ID {
						f.Report = o.a.ID
						break
					}
				}
				b.First = f
				return
			}
		}
	}
	for _, d := range docs {
		if d.root == d.a.ID && !d.a.Published.IsZero() {
			b.First = &First{Outlet: d.outlet, Report: d.a.ID, By: "earliest",
				Evidence: "earliest independent report, published " + d.a.Published.UTC().Format("2006-01-02 15:04 MST")}
			return
		}
	}
}

// sentenceAround is the sentence of text holding [s,e).
func sentenceAround(text string, s, e int) string {
	for _, sp := range annotate.Sentences(text) {
		if sp.Start <= s && e <= sp.End {
			return sp.Text
		}
	}
	return text[s:e]
}
