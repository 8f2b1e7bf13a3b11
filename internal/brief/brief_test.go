package brief

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpustest"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func read(t testing.TB, paths ...string) []*model.Article {
	t.Helper()
	var arts []*model.Article
	err := source.Read(context.Background(), paths, source.Options{}, func(it source.Item) error {
		a, err := source.Parse(it)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

func seedsBrief(t *testing.T) *Brief {
	dir := corpustest.Shared(t, "seeds")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	arts := read(t, paths...)
	for _, a := range arts {
		a.Published = time.Date(2020, 12, 2, 0, 0, 0, 0, time.UTC)
	}
	pipeline.Analyse(arts, 1)
	if len(arts) != 2 || arts[0].Story != arts[1].Story {
		t.Fatalf("seeds: %d reports, stories %q and %q; want one story", len(arts), arts[0].Story, arts[len(arts)-1].Story)
	}
	return Build(arts)
}

// TestSeeds checks the brief of the two seeds against
// ../shared/seeds/EXPECTED.md.
func TestSeeds(t *testing.T) {
	b := seedsBrief(t)
	if b.Independent != 2 || b.Outlets != 2 {
		t.Errorf("%d independent reports from %d outlets, want 2 and 2", b.Independent, b.Outlets)
	}
	for _, r := range b.Reports {
		if r.CopyOf != "" {
			t.Errorf("%s is marked a copy of %s", r.Outlet, r.CopyOf)
		}
	}
	if b.First == nil || b.First.Outlet != "The Washington Post" || b.First.By != "credit" || b.First.CreditedBy != "CNN" {
		t.Errorf("first reporter %+v, want The Washington Post credited by CNN", b.First)
	}
	corroborated := func(post, cnn string) bool {
		for _, c := range b.Claims {
			if c.Status != Corroborated || len(c.Versions) < 2 {
				continue
			}
			var p, n bool
			for _, v := range c.Versions {
				p = p || v.Outlet == "The Washington Post" && strings.Contains(v.Text, post)
				n = n || v.Outlet == "CNN" && strings.Contains(v.Text, cnn)
			}
			if p && n {
				return true
			}
		}
		return false
	}
	for _, c := range [][2]string{
		{"withdraw some staff from its embassy in Baghdad", "withdrawing some staff from the US Embassy in Baghdad"},
		{"Jan. 3 anniversary", "January 3 anniversary"},
		{"Tueller would remain in Iraq", "Tueller remains in Iraq"},
	} {
		if !corroborated(c[0], c[1]) {
			t.Errorf("not corroborated by both: %q / %q", c[0], c[1])
		}
	}
	conflict := false
	for _, c := range b.Conflicts {
		var post, cnn string
		for _, s := range c.Sides {
			if s.Outlet == "The Washington Post" {
				post = s.Says
			} else if s.Outlet == "CNN" {
				cnn = s.Says
			}
		}
		if strings.Contains(post, "until after the Jan. 3 anniversary") && strings.Contains(cnn, "until mid-January") {
			conflict = true
		}
	}
	if !conflict {
		t.Errorf("no conflict “until after the Jan. 3 anniversary” vs “until mid-January”: %+v", b.Conflicts)
	}
	quote := func(words, postSrc, cnnSpeaker string) {
		t.Helper()
		for _, q := range b.Quotes {
			if !strings.Contains(q.Text, words) {
				continue
			}
			var p, n bool
			for _, a := range q.Attributions {
				p = p || a.Outlet == "The Washington Post" && a.Source == postSrc
				n = n || a.Outlet == "CNN" && strings.Contains(a.Speaker, cnnSpeaker)
			}
			if p && n {
				return
			}
			t.Errorf("quote %q attributed %+v", words, q.Attributions)
			return
		}
		t.Errorf("quote %q not shared (have %+v)", words, b.Quotes)
	}
	quote("continually adjusts its diplomatic presence", "a department official", "spokesperson")
	quote("highest priority", "The State Department", "spokesperson")
	sourcing := map[string]Sourcing{}
	for _, s := range b.Sourcing {
		sourcing[s.Outlet] = s
	}
	has := func(list []string, s string) bool {
		for _, x := range list {
			if strings.EqualFold(x, s) {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"a person familiar with the withdrawal", "a department official", "a senior official", "officials"} {
		if !has(sourcing["The Washington Post"].Anonymous, s) {
			t.Errorf("the Post's anonymous sources lack %q: %q", s, sourcing["The Washington Post"].Anonymous)
		}
	}
	for _, s := range []string{"three sources familiar with the decision", "one US official", "a source familiar", "a diplomatic source", "one defense official"} {
		if !has(sourcing["CNN"].Anonymous, s) {
			t.Errorf("CNN's anonymous sources lack %q: %q", s, sourcing["CNN"].Anonymous)
		}
	}
	if !has(sourcing["The Washington Post"].Named, "Army Gen. Mark Milley") {
		t.Errorf("the Post's named sources lack Army Gen. Mark Milley: %q", sourcing["The Washington Post"].Named)
	}
	people := map[string]bool{}
	for _, e := range b.Entities {
		if e.Type == "PERSON" {
			people[e.Name] = true
		}
	}
	for _, n := range []string{"Matthew Tueller", "Mike Pompeo", "Mustafa al-Kadhimi", "Donald Trump", "Joe Biden"} {
		if !people[n] {
			t.Errorf("person %q missing from the entities", n)
		}
	}
	events := map[string][]string{}
	for _, e := range b.Timeline {
		k := e.Value
		if e.Upcoming {
			k += " upcoming"
		}
		events[k] = e.Outlets
	}
	for v, n := range map[string]int{"2019-05": 1, "2019-12": 1, "2020-01-03": 2, "2020-03": 1, "2020-09": 1, "2020-11": 1,
		"2020-11-27": 1, "2020-12-01": 2, "2021-01-03 upcoming": 2, "2021-01-15 upcoming": 1, "2021-01 upcoming": 1} {
		if len(events[v]) != n {
			t.Errorf("timeline %s: outlets %q, want %d", v, events[v], n)
		}
	}
}

// TestSeedsGolden keeps the seeds' brief in Markdown and JSON; run with
// -update after a deliberate change and read the diff.
func TestSeedsGolden(t *testing.T) {
	b := seedsBrief(t)
	var md, js bytes.Buffer
	if err := Markdown(&md, b); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&js, []*Brief{b}); err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/seeds.md", md.Bytes())
	golden(t, "testdata/seeds.json", js.Bytes())
	var back Brief
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.First == nil {
		t.Errorf("the JSON does not read back as a Brief: %v", err)
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the brief built now; run 'go test ./internal/brief -run Golden -update' and read the diff", path)
	}
}

// TestExamples checks the brief of the shipped example set: the
// syndicated copy counted once, the credited first reporter, the
// conflicting figures and closure.
func TestExamples(t *testing.T) {
	arts := read(t, "../../examples")
	pipeline.Analyse(arts, 1)
	var fire []*model.Article
	for _, a := range arts {
		if strings.Contains(a.Text, "Northern Ember") {
			fire = append(fire, a)
		}
	}
	b := Build(fire)
	if b.Independent != len(fire)-1 {
		t.Errorf("%d independent of %d reports, want the syndicated copy counted once", b.Independent, len(fire))
	}
	if b.First == nil || b.First.Outlet != "The Portside Ledger" || b.First.By != "credit" {
		t.Errorf("first reporter %+v", b.First)
	}
	var figure, closure, later, qualifier bool
	for _, c := range b.Conflicts {
		says := c.Sides[0].Says + " | " + c.Sides[1].Says
		figure = figure || c.About == "figure" && strings.Contains(says, "12") && strings.Contains(says, "14")
		closure = closure || strings.Contains(says, "until Monday") && strings.Contains(says, "at least a week")
		later = later || c.About == "date" && strings.Contains(says, "until Monday") && strings.Contains(says, "until at least Wednesday")
		qualifier = qualifier || c.About == "qualifier" && strings.Contains(says, "at least nine ships") && strings.Contains(says, "Up to nine ships")
		// Halvik taking "only four of them before next week" is another
		// matter than the terminal's closure, though both name the port.
		if strings.Contains(says, "next week") {
			t.Errorf("conflict on another matter: %+v", c)
		}
	}
	if !figure || !closure || !later || !qualifier {
		t.Errorf("conflicts (12 vs 14 rescued: %v, until Monday vs a week: %v, until Monday vs until at least Wednesday: %v, at least vs up to nine ships: %v): %+v",
			figure, closure, later, qualifier, b.Conflicts)
	}
	copyOutlets := map[string]bool{}
	for _, r := range b.Reports {
		if r.CopyOf != "" {
			copyOutlets[r.Outlet] = true
		}
	}
	for _, c := range b.Claims {
		for _, o := range c.Outlets {
			if copyOutlets[o] {
				t.Errorf("a copy's outlet %s counted in claim %q", o, c.Versions[0].Text)
			}
		}
	}
}

// TestCopiesDoNotCorroborate: two copies of one text are one source.
func TestCopiesDoNotCorroborate(t *testing.T) {
	text := "Coastguard crews rescued 14 sailors from the container ship Northern Ember after a fire broke out overnight at Port Calder, the coastguard said on Friday. The terminal will be closed for a week."
	a := &model.Article{ID: "a", Outlet: "Wire", Text: text, Published: time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)}
	b := &model.Article{ID: "b", Outlet: "Paper", Text: text + " Subscribe for more.", Published: time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC)}
	pipeline.Analyse([]*model.Article{a, b}, 1)
	if b.CopyOf != "a" {
		t.Fatalf("the reprint is not found as a copy: %+v", b)
	}
	br := Build([]*model.Article{a, b})
	for _, c := range br.Claims {
		if c.Status == Corroborated {
			t.Errorf("claim corroborated by a copy: %+v", c)
		}
	}
	if br.Independent != 1 {
		t.Errorf("independent = %d, want 1", br.Independent)
	}
}

// BenchmarkBuild200 builds the brief of a 200-report story: the example
// reports told by 40 outlets each, none a copy (the alignment's worst case).
func BenchmarkBuild200(b *testing.B) {
	base := read(b, "../../examples/harbour-fire")
	var arts []*model.Article
	for i := 0; len(arts) < 200; i++ {
		for _, a := range base {
			if len(arts) == 200 {
				break
			}
			c := *a
			c.ID = fmt.Sprintf("%s-%d", a.ID, i)
			c.Outlet = fmt.Sprintf("Outlet %d", len(arts))
			c.CopyOf, c.CopyType = "", ""
			arts = append(arts, &c)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		Build(arts)
	}
}

// BenchmarkBuildReuters200 builds the brief of real reports: the 200
// Reuters-21578 reports of the biggest stories the pipeline finds, each
// told as by an outlet of its own so that every sentence is aligned.
func BenchmarkBuildReuters200(b *testing.B) {
	arts := read(b, corpustest.Shared(b, "corpus/reuters21578.jsonl.gz"))
	pipeline.Analyse(arts, 0)
	var story []*model.Article
	for _, s := range byStory(arts) {
		for _, a := range s {
			if len(story) < 200 && a.CopyOf == "" {
				c := *a
				c.Outlet = fmt.Sprintf("Outlet %d", len(story))
				story = append(story, &c)
			}
		}
	}
	b.Logf("%d reports, %d stories", len(story), len(byStory(story)))
	b.ResetTimer()
	for b.Loop() {
		Build(story)
	}
}
