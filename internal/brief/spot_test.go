package brief

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/corpustest"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
)

// byStory groups analysed articles by their story, largest first (ties by
// the story key, so the pick is stable).
func byStory(arts []*model.Article) [][]*model.Article {
	m := map[string][]*model.Article{}
	for _, a := range arts {
		m[a.Story] = append(m[a.Story], a)
	}
	var out [][]*model.Article
	for _, g := range m {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i][0].Story < out[j][0].Story
	})
	return out
}

// sane checks what any brief must satisfy: nothing presented as a finding
// is empty, every corroborated claim rests on two independent reports from
// different outlets (never on copies of one text), and the renderers
// produce no empty items.
func sane(t *testing.T, name string, arts []*model.Article, b *Brief) {
	t.Helper()
	fail := func(format string, args ...any) { t.Errorf("%s: "+format, append([]any{name}, args...)...) }
	if len(b.Reports) != len(arts) {
		fail("%d reports in the brief, %d given", len(b.Reports), len(arts))
	}
	byID := map[string]*model.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	roots := map[string]bool{}
	for _, a := range arts {
		roots[rootOf(a, byID)] = true
	}
	if b.Independent != len(roots) {
		fail("%d independent reports, %d copy groups", b.Independent, len(roots))
	}
	if b.Headline == "" || len(b.Summary) == 0 {
		fail("no headline or summary")
	}
	// With no publication times and no credit there is no first reporter,
	// and none is claimed.
	if b.First != nil && (b.First.Outlet == "" || b.First.Evidence == "") {
		fail("first reporter without an outlet or evidence: %+v", b.First)
	}
	// An outlet's sentence in a claim comes from one of its reports: which
	// copy groups can carry it.
	groupsOf := func(outlet, text string) map[string]bool {
		g := map[string]bool{}
		for _, a := range arts {
			if outletOf(a) == outlet && strings.Contains(a.Text, strings.TrimSpace(text)) {
				g[rootOf(a, byID)] = true
			}
		}
		return g
	}
	for _, c := range b.Claims {
		for _, v := range c.Versions {
			if strings.TrimSpace(v.Text) == "" || v.Outlet == "" {
				fail("claim with an empty version: %+v", c)
			}
		}
		if c.Status != Corroborated {
			continue
		}
		outlets := map[string]bool{}
		groups := map[string]bool{}
		for _, v := range c.Versions {
			outlets[v.Outlet] = true
			for g := range groupsOf(v.Outlet, v.Text) {
				groups[g] = true
			}
		}
		if len(outlets) < 2 || len(groups) < 2 {
			fail("corroborated by %d outlets from %d copy groups: %+v", len(outlets), len(groups), c)
		}
	}
	for _, c := range b.Conflicts {
		if len(c.Sides) != 2 || c.Sides[0].Outlet == c.Sides[1].Outlet {
			fail("conflict without two outlets: %+v", c)
			continue
		}
		for _, s := range c.Sides {
			if s.Says == "" || s.Text == "" {
				fail("conflict side with nothing said: %+v", c)
			}
		}
		if strings.EqualFold(c.Sides[0].Says, c.Sides[1].Says) {
			fail("conflict between equal accounts: %+v", c)
		}
	}
	for _, q := range b.Quotes {
		outlets := map[string]bool{}
		for _, a := range q.Attributions {
			outlets[a.Outlet] = true
		}
		if q.Text == "" || len(outlets) < 2 {
			fail("shared quote from %d outlets: %+v", len(outlets), q)
		}
	}
	for _, e := range b.Timeline {
		if e.Value == "" || e.Text == "" || len(e.Outlets) == 0 {
			fail("empty timeline entry: %+v", e)
		}
	}
	for _, e := range b.Entities {
		if e.Name == "" || len(e.Outlets) == 0 {
			fail("empty entity: %+v", e)
		}
	}
	var md, txt bytes.Buffer
	if err := Markdown(&md, b); err != nil {
		t.Fatal(err)
	}
	if err := Text(&txt, b, 80, false); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(md.String(), "\n") {
		if l := strings.TrimSpace(line); l == "-" || l == "- ()" || strings.HasSuffix(l, "“”") {
			fail("empty Markdown item %q", line)
		}
	}
	for _, line := range strings.Split(txt.String(), "\n") {
		if l := strings.TrimSpace(line); l == "•" || strings.HasSuffix(l, "“”") {
			fail("empty text item %q", line)
		}
		if len([]rune(line)) > 80 && !strings.Contains(line, "://") {
			fail("text line over 80 columns: %q", line)
		}
	}
}

// TestSpotECB briefs the largest stories the pipeline finds in ECB+ (each
// report from its own, unnamed outlet) and checks them.
func TestSpotECB(t *testing.T) {
	if testing.Short() {
		t.Skip("reads ECB+")
	}
	arts := read(t, corpustest.Shared(t, "corpus/ecbplus.jsonl"))
	pipeline.Analyse(arts, 0)
	stories := byStory(arts)
	checked, corroborated := 0, 0
	for _, s := range stories[:8] {
		b := Build(s)
		sane(t, fmt.Sprintf("ECB+ story %s (%d reports)", s[0].Story, len(s)), s, b)
		checked++
		for _, c := range b.Claims {
			if c.Status == Corroborated {
				corroborated++
			}
		}
	}
	// Reports of one event by several outlets corroborate something.
	if corroborated == 0 {
		t.Errorf("no corroborated claim in %d ECB+ stories", checked)
	}
}

// TestSpotReuters briefs Reuters-21578 stories that hold repeated or
// corrected wire copies. Every report is Reuters wire copy (most carry no
// outlet in the corpus; they are named so here), so nothing may be
// corroborated: one outlet never corroborates itself. Then each copy is
// credited to an outlet of its own, as a syndicating paper would run it:
// a claim may then be corroborated only by reports of two different copy
// groups, never by a copy and its original.
func TestSpotReuters(t *testing.T) {
	if testing.Short() {
		t.Skip("reads Reuters-21578")
	}
	arts := read(t, corpustest.Shared(t, "corpus/reuters21578.jsonl.gz"))
	arts = arts[:6000]
	for _, a := range arts {
		a.Outlet = "Reuters"
	}
	pipeline.Analyse(arts, 0)
	var withCopies [][]*model.Article
	for _, s := range byStory(arts) {
		copies := 0
		for _, a := range s {
			if a.CopyOf != "" {
				copies++
			}
		}
		if copies > 0 && len(s) >= 2 {
			withCopies = append(withCopies, s)
		}
	}
	if len(withCopies) < 5 {
		t.Fatalf("only %d Reuters stories with copies", len(withCopies))
	}
	for _, s := range withCopies[:5] {
		name := fmt.Sprintf("Reuters story %s (%d reports)", s[0].Story, len(s))
		b := Build(s)
		sane(t, name, s, b)
		if b.Outlets != 1 {
			t.Errorf("%s: %d outlets, want Reuters alone", name, b.Outlets)
		}
		for _, c := range b.Claims {
			if c.Status == Corroborated {
				t.Errorf("%s: one outlet corroborates itself: %+v", name, c)
			}
		}
		// Syndicated: every copy under another name.
		relabelled := make([]*model.Article, len(s))
		for i, a := range s {
			c := *a
			if c.CopyOf != "" {
				c.Outlet = fmt.Sprintf("Syndicating Paper %d", i)
			}
			relabelled[i] = &c
		}
		sane(t, name+" syndicated", relabelled, Build(relabelled))
	}
}
