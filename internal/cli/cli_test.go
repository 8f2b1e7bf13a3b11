package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/corpustest"
)

type result struct {
	code           int
	stdout, stderr string
}

// run runs sitrep in-process with SITREP_DB pointing at db.
func run(t *testing.T, db string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string {
			if k == "SITREP_DB" {
				return db
			}
			return ""
		},
	}
	code := Main(args, env)
	return result{code, out.String(), errb.String()}
}

func examples(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIngestExamplesTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ex.db")
	r := run(t, db, "ingest", examples(t))
	if r.code != 0 || !strings.HasPrefix(r.stdout, "6 new, 0 updated, 0 unchanged, 0 failed") {
		t.Fatalf("first ingest: code %d, %q %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, db, "ingest", examples(t))
	if r.code != 0 || !strings.HasPrefix(r.stdout, "0 new, 0 updated, 6 unchanged, 0 failed") {
		t.Fatalf("second ingest: code %d, %q", r.code, r.stdout)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("SITREP_DB not used: %v", err)
	}
}

func TestIngestBadInputExitsOne(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"g1","text":"good one"}`+"\n"+`{oops`+"\n"+`{"id":"g2","text":"good two"}`+"\n"), 0o644)
	db := filepath.Join(dir, "b.db")
	r := run(t, db, "ingest", "--json", bad)
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "bad.jsonl:2: not JSON") {
		t.Errorf("stderr %q does not name bad.jsonl:2", r.stderr)
	}
	var rep struct{ New, Failed int }
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.New != 2 || rep.Failed != 1 {
		t.Errorf("report %q (%v), want 2 new and 1 failed", r.stdout, err)
	}
}

func TestListShowSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "l.db")
	if r := run(t, db, "ingest", examples(t)); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := run(t, db, "articles", "--json", "--outlet", "northern wire")
	var list []struct{ ID, Outlet, Title string }
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || len(list) != 1 || list[0].ID != "northern-wire-8841" {
		t.Fatalf("articles --json --outlet: %q %v", r.stdout, err)
	}
	r = run(t, db, "articles")
	if r.code != 0 || !strings.Contains(r.stdout, "Halvik council approves toll-free bridge plan") || strings.Count(r.stdout, "\n") != 7 {
		t.Fatalf("articles table:\n%s", r.stdout)
	}
	r = run(t, db, "show", "northern-wire-8841")
	if r.code != 0 || !strings.Contains(r.stdout, "outlet:    Northern Wire") || !strings.Contains(r.stdout, "brought all 14 people ashore") {
		t.Fatalf("show:\n%s", r.stdout)
	}
	r = run(t, db, "show", "no-such-id")
	if r.code != 1 || !strings.Contains(r.stderr, `no article with id "no-such-id"`) {
		t.Fatalf("show missing: %d %q", r.code, r.stderr)
	}
	r = run(t, db, "search", "--json", "lithium", "batteries")
	var hits []struct {
		ID, Snippet string
		Score       float64
	}
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 2 {
		t.Fatalf("search --json: %q %v", r.stdout, err)
	}
	if !strings.Contains(hits[0].Snippet, "«lithium» «batteries»") {
		t.Errorf("snippet %q lacks marked terms", hits[0].Snippet)
	}
	r = run(t, db, "search", "zeppelin")
	if r.code != 0 || !strings.Contains(r.stdout, "no articles match") {
		t.Errorf("empty search: %d %q", r.code, r.stdout)
	}
}

func TestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"ingest"}, 2, "no input"},
		{[]string{"ingest", "--nope", "x"}, 2, "flag provided but not defined: -nope"},
		{[]string{"show"}, 2, "want exactly one article id"},
		{[]string{"search"}, 2, "no query"},
		{[]string{"articles", "--since", "yesterday"}, 2, "want RFC 3339 or YYYY-MM-DD"},
		{[]string{"bench", "nothing"}, 2, `unknown benchmark "nothing"`},
	} {
		r := run(t, db, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: code %d stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}

func TestHelpExplainsFlagsAndEnvironment(t *testing.T) {
	for _, cmd := range []string{"ingest", "articles", "show", "search"} {
		r := run(t, "", cmd, "-help")
		if r.code != 0 || !strings.Contains(r.stdout, "Usage: sitrep "+cmd) || !strings.Contains(r.stdout, "-db file") || !strings.Contains(r.stdout, "SITREP_DB") {
			t.Errorf("%s -help: code %d\n%s", cmd, r.code, r.stdout)
		}
	}
	r := run(t, "", "help")
	for _, cmd := range []string{"ingest", "articles", "show", "search", "bench"} {
		if !strings.Contains(r.stdout, "  "+cmd) {
			t.Errorf("help does not list %s", cmd)
		}
	}
}

func TestStdinIngest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(`{"id":"s1","text":"from a pipe"}` + "\n"), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	if code := Main([]string{"ingest", "--db", db, "-"}, env); code != 0 || !strings.HasPrefix(out.String(), "1 new") {
		t.Fatalf("stdin ingest: %d %q %q", code, out.String(), errb.String())
	}
}

// TestRealCorpora ingests Reuters-21578 and ECB+ whole, searches, and checks
// that a second ingest adds nothing.
func TestRealCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 19,000 real articles")
	}
	reuters := corpustest.Shared(t, "corpus/reuters21578.jsonl.gz")
	ecb := corpustest.Shared(t, "corpus/ecbplus.jsonl")
	db := filepath.Join(t.TempDir(), "real.db")
	r := run(t, db, "ingest", reuters, ecb)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "19239 new, 0 updated, 0 unchanged, 0 failed") {
		t.Fatalf("ingest: code %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, db, "search", "--json", "--limit", "5", "cocoa")
	var hits []struct {
		ID, Title, Snippet string
		Score              float64
	}
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 5 {
		t.Fatalf("search cocoa: %v %q", err, r.stdout)
	}
	for i, h := range hits {
		if !strings.Contains(strings.ToLower(h.Title+h.Snippet), "cocoa") {
			t.Errorf("hit %d (%s) shows no cocoa: %q / %q", i, h.ID, h.Title, h.Snippet)
		}
		if i > 0 && h.Score > hits[i-1].Score {
			t.Errorf("hits not ranked: %v after %v", h.Score, hits[i-1].Score)
		}
	}
	r = run(t, db, "ingest", reuters, ecb)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "0 new, 0 updated, 19239 unchanged, 0 failed") {
		t.Fatalf("second ingest: %q", r.stdout)
	}
}

func TestClusterContract(t *testing.T) {
	r := run(t, "", "cluster", examples(t))
	if r.code != 0 {
		t.Fatalf("cluster: %d %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines, want one per article (6)", len(lines))
	}
	byID := map[string]clusterLine{}
	for _, l := range lines {
		var c clusterLine
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		byID[c.ID] = c
	}
	syn := byID["valley-courier-2025-0314-ship-fire"]
	orig := byID[syn.CopyOf]
	if syn.CopyType != "near" || orig.ID == "" || orig.CopyOf != "" || orig.Story != syn.Story {
		t.Errorf("syndicated copy: %+v, original %+v", syn, orig)
	}
	if c := byID["northern-wire-8841"]; c.CopyOf != "" || c.Story != orig.Story {
		t.Errorf("independent report of the fire: %+v, want no copy, story %s", c, orig.Story)
	}
	if c := byID["valley-courier-2025-0312-bridge-vote"]; c.Story == orig.Story {
		t.Errorf("bridge vote put in the fire's story %s", c.Story)
	}
}

func TestStoriesCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "st.db")
	r := run(t, db, "stories")
	if r.code != 0 || !strings.Contains(r.stdout, "no stories yet") {
		t.Fatalf("stories on an empty store: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, db, "ingest", examples(t))
	if !strings.Contains(r.stdout, "2 stories, 1 copies among 6 stored articles") {
		t.Fatalf("ingest report: %q", r.stdout)
	}
	r = run(t, db, "stories", "--by-size", "--json")
	var stories []struct {
		ID, Title string
		Size      int
		Outlets   []string
		Entities  []string
	}
	if err := json.Unmarshal([]byte(r.stdout), &stories); err != nil || len(stories) != 2 {
		t.Fatalf("stories --json: %v %q", err, r.stdout)
	}
	fire := stories[0]
	if fire.Size != 5 || len(fire.Outlets) != 4 || !strings.Contains(fire.Title, "Port Calder") || !slices.Contains(fire.Entities, "Northern Ember") {
		t.Errorf("fire story = %+v", fire)
	}
	r = run(t, db, "story", fire.ID)
	if r.code != 0 || !strings.Contains(r.stdout, "near copy of") || strings.Count(r.stdout, "Northern Wire") < 2 {
		t.Errorf("story %s: %d\n%s%s", fire.ID, r.code, r.stdout, r.stderr)
	}
	if r = run(t, db, "story", "s-nope"); r.code != 1 || !strings.Contains(r.stderr, "not found") {
		t.Errorf("unknown story: %d %q", r.code, r.stderr)
	}
}

func TestEvalCluster(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "l.jsonl")
	var b strings.Builder
	for i, text := range []string{
		"A fire broke out aboard the cargo ship Northern Ember at Port Calder on Friday; twelve crew were rescued.",
		"Twelve crew were rescued from the cargo ship Northern Ember after fire broke out at Port Calder.",
		"The Halvik council approved the toll-free bridge plan by seven votes to four on Wednesday evening.",
	} {
		fmt.Fprintf(&b, `{"id":"d%d","text":%q,"story":"%c"}`+"\n", i, text, "aab"[i])
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "eval", "cluster", "--json", p)
	var sc struct{ BCubedF float64 }
	if err := json.Unmarshal([]byte(r.stdout), &sc); err != nil || sc.BCubedF != 1 {
		t.Fatalf("eval cluster: %v %q %q", err, r.stdout, r.stderr)
	}
	if r = run(t, "", "eval", "nothing"); r.code != 2 {
		t.Errorf("eval nothing: %d", r.code)
	}
}

func TestCopiesCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	run(t, db, "ingest", examples(t))
	r := run(t, db, "copies", "--json")
	var groups []struct {
		Original struct{ ID, Outlet string }
		Copies   []struct {
			ID       string
			CopyType string `json:"copy_type"`
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &groups); err != nil || len(groups) != 1 {
		t.Fatalf("copies --json: %v %q", err, r.stdout)
	}
	if groups[0].Original.Outlet != "The Portside Ledger" || len(groups[0].Copies) != 1 || groups[0].Copies[0].CopyType != "near" {
		t.Errorf("groups = %+v", groups)
	}
	r = run(t, db, "show", "--json", "valley-courier-2025-0314-ship-fire")
	if !strings.Contains(r.stdout, `"copy_type": "near"`) {
		t.Errorf("copy status not stored: %s", r.stdout)
	}
}
