// Package storetest is the contract suite for store.Store: every backend runs
// Run unchanged, so that behaviour the rest of sitrep relies on is the same
// whichever backend a DSN picks.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// Opener returns a new, empty store for one test; the suite closes it.
type Opener func(t *testing.T) store.Store

// Run runs every contract test against stores from open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"PutOutcomes", testPutOutcomes},
		{"UpdateWithinBatch", testUpdateWithinBatch},
		{"ArticleRoundTrip", testArticleRoundTrip},
		{"NotFound", testNotFound},
		{"ListOrderAndFilters", testList},
		{"SearchRanksAndSnippets", testSearch},
		{"SearchFollowsUpdates", testSearchFollowsUpdates},
		{"SearchAnyInput", testSearchAnyInput},
		{"BatchIsAtomic", testBatchAtomic},
		{"CancelledContext", testCancelled},
		{"SetCopiesAndAllArticles", testSetCopies},
		{"ReplaceStories", testStories},
		{"FetchState", testFetchState},
		{"Feeds", testFeeds},
		{"Outlets", testOutlets},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			defer st.Close()
			tc.fn(t, st)
		})
	}
}

func article(id, title, text string, published time.Time) *model.Article {
	a := &model.Article{ID: id, Title: title, Text: text, Published: published, Outlet: "Example Times"}
	a.Hash = a.ContentHash()
	return a
}

func day(n int) time.Time { return time.Date(2024, 3, n, 12, 0, 0, 0, time.UTC) }

func put(t *testing.T, st store.Store, as ...*model.Article) []store.Outcome {
	t.Helper()
	out, err := st.PutArticles(context.Background(), as)
	if err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	if len(out) != len(as) {
		t.Fatalf("PutArticles returned %d outcomes for %d articles", len(out), len(as))
	}
	return out
}

func wantOutcomes(t *testing.T, got []store.Outcome, want ...store.Outcome) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("outcomes = %v, want %v", got, want)
	}
}

func count(t *testing.T, st store.Store) int {
	t.Helper()
	n, err := st.Count(context.Background())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return n
}

func testPutOutcomes(t *testing.T, st store.Store) {
	a := article("a", "Dam opens", "The dam opened on Monday.", day(1))
	b := article("b", "Bridge closes", "The bridge closed for repairs.", day(2))
	wantOutcomes(t, put(t, st, a, b), store.New, store.New)
	wantOutcomes(t, put(t, st, a, b), store.Unchanged, store.Unchanged)
	b2 := article("b", "Bridge closes", "The bridge closed for two weeks of repairs.", day(2))
	wantOutcomes(t, put(t, st, a, b2), store.Unchanged, store.Updated)
	if n := count(t, st); n != 2 {
		t.Fatalf("Count = %d, want 2", n)
	}
	got, err := st.Article(context.Background(), "b")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != b2.Text {
		t.Fatalf("updated text = %q, want %q", got.Text, b2.Text)
	}
}

func testUpdateWithinBatch(t *testing.T, st store.Store) {
	a1 := article("x", "First", "alpha words only", day(1))
	a2 := article("x", "First", "bravo words only", day(1))
	wantOutcomes(t, put(t, st, a1, a2, a2), store.New, store.Updated, store.Unchanged)
	hits, err := st.Search(context.Background(), store.SearchQuery{Query: "alpha"})
	if err != nil || len(hits) != 0 {
		t.Fatalf("search for replaced text: %d hits, err %v; want none", len(hits), err)
	}
	hits, err = st.Search(context.Background(), store.SearchQuery{Query: "bravo"})
	if err != nil || len(hits) != 1 {
		t.Fatalf("search for final text: %d hits, err %v; want 1", len(hits), err)
	}

	// A long batch: the first article is written before its update arrives.
	batch := []*model.Article{article("y", "Second", "charlie words", day(2))}
	want := []store.Outcome{store.New}
	for i := range 100 {
		batch = append(batch, article(fmt.Sprintf("f%03d", i), "Filler", fmt.Sprintf("filler %d", i), day(3)))
		want = append(want, store.New)
	}
	batch = append(batch, article("y", "Second", "delta words", day(2)), article("x", "First", "echo words", day(1)))
	want = append(want, store.Updated, store.Updated)
	wantOutcomes(t, put(t, st, batch...), want...)
	for q, n := range map[string]int{"charlie": 0, "delta": 1, "bravo": 0, "echo": 1, "filler": 100} {
		hits, err := st.Search(context.Background(), store.SearchQuery{Query: q, Limit: 1000})
		if err != nil || len(hits) != n {
			t.Errorf("search %q after long batch: %d hits, err %v; want %d", q, len(hits), err, n)
		}
	}
	if c := count(t, st); c != 102 {
		t.Errorf("Count = %d, want 102", c)
	}
}

func testArticleRoundTrip(t *testing.T, st store.Store) {
	a := &model.Article{
		ID: "r1", URL: "https://example.com/r1", Outlet: "Example Times", Title: "Storm hits coast",
		Byline: "Ana Ruiz", Published: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC), Lang: "en",
		Text: "Line one.\n\nLine two with ünïcödé “quotes”.", SourceFormat: "jsonl",
		Credits: []string{"Reuters contributed."}, Dateline: "LISBON",
		Removed: []model.Removed{{Kind: "caption", Text: "The coast at dawn. (Photo by Ana Ruiz)"}},
	}
	a.Hash = a.ContentHash()
	put(t, st, a)
	got, err := st.Article(context.Background(), "r1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Ingested.IsZero() {
		t.Error("Ingested not set")
	}
	got.Ingested = time.Time{}
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", *a) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", *got, *a)
	}
}

func testNotFound(t *testing.T, st store.Store) {
	_, err := st.Article(context.Background(), "missing")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Article(missing) error = %v, want ErrNotFound", err)
	}
}

func testList(t *testing.T, st store.Store) {
	undated := article("u", "Undated", "no time", time.Time{})
	old := article("o", "Old", "old news", day(1))
	mid := article("m", "Mid", "mid news", day(5))
	mid.Outlet = "Other Post"
	mid.Hash = mid.ContentHash()
	recent := article("n", "New", "new news", day(9))
	put(t, st, undated, old, mid, recent)
	ids := func(q store.ArticleQuery) string {
		list, err := st.Articles(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, a := range list {
			if a.Text != "" {
				t.Errorf("listing carries text for %s", a.ID)
			}
			s = append(s, a.ID)
		}
		return strings.Join(s, ",")
	}
	for _, tc := range []struct {
		q    store.ArticleQuery
		want string
	}{
		{store.ArticleQuery{}, "n,m,o,u"},
		{store.ArticleQuery{Limit: 2}, "n,m"},
		{store.ArticleQuery{Limit: 2, Offset: 2}, "o,u"},
		{store.ArticleQuery{Outlet: "other post"}, "m"},
		{store.ArticleQuery{Since: day(5)}, "n,m"},
		{store.ArticleQuery{Until: day(5)}, "o"},
	} {
		if got := ids(tc.q); got != tc.want {
			t.Errorf("Articles(%+v) = %s, want %s", tc.q, got, tc.want)
		}
	}
}

func testSearch(t *testing.T, st store.Store) {
	put(t, st,
		article("t", "Cocoa prices climb", "Traders said supply was tight.", day(1)),
		article("b", "Weekly review", "Showers helped the cocoa crop, and cocoa farmers were relieved.", day(2)),
		article("z", "Coffee exports", "Coffee exports rose.", day(3)),
	)
	hits, err := st.Search(context.Background(), store.SearchQuery{Query: "cocoa"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Fatalf("got %d hits, want 2", len(hits))
	}
	if hits[0].Article.ID != "t" {
		t.Errorf("first hit %s, want the title match t", hits[0].Article.ID)
	}
	if hits[0].Score < hits[1].Score {
		t.Errorf("scores not descending: %v, %v", hits[0].Score, hits[1].Score)
	}
	if !strings.Contains(hits[1].Snippet, store.MarkStart+"cocoa"+store.MarkEnd) {
		t.Errorf("snippet %q does not mark the match", hits[1].Snippet)
	}
	for q, want := range map[string]int{`"cocoa crop"`: 1, "coff*": 1, "cocoa OR coffee": 3, "cocoa coffee": 0, "crops": 1} {
		hits, err := st.Search(context.Background(), store.SearchQuery{Query: q})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(hits) != want {
			t.Errorf("Search(%q) = %d hits, want %d", q, len(hits), want)
		}
	}
}

func testSearchFollowsUpdates(t *testing.T, st store.Store) {
	put(t, st, article("a", "Harbour", "A ferry sank.", day(1)))
	put(t, st, article("a", "Harbour", "A tugboat sank.", day(1)))
	for q, want := range map[string]int{"ferry": 0, "tugboat": 1} {
		hits, err := st.Search(context.Background(), store.SearchQuery{Query: q})
		if err != nil || len(hits) != want {
			t.Errorf("Search(%q) = %d hits, err %v; want %d", q, len(hits), err, want)
		}
	}
}

func testSearchAnyInput(t *testing.T, st store.Store) {
	put(t, st, article("a", "AT&T deal", "AT&T agreed a deal (worth $5bn) on Monday.", day(1)))
	for _, q := range []string{`AT&T`, `"unbalanced`, `a AND`, `(`, `*`, `NEAR(`, `-x`, `title:deal`, `OR`, `'`, "\x00"} {
		if _, err := st.Search(context.Background(), store.SearchQuery{Query: q}); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
}

func testBatchAtomic(t *testing.T, st store.Store) {
	good := article("g", "Good", "fine text", day(1))
	if _, err := st.PutArticles(context.Background(), []*model.Article{good, {ID: ""}}); err == nil {
		t.Fatal("PutArticles accepted an article with no id")
	}
	if n := count(t, st); n != 0 {
		t.Fatalf("a failed batch left %d articles, want 0", n)
	}
}

func testCancelled(t *testing.T, st store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := st.PutArticles(ctx, []*model.Article{article("c", "C", "text", day(1))}); err == nil {
		t.Error("PutArticles with a cancelled context succeeded")
	}
	if n := count(t, st); n != 0 {
		t.Fatalf("cancelled write left %d articles", n)
	}
}

func testSetCopies(t *testing.T, st store.Store) {
	a, b := article("a", "A", "original text", day(1)), article("b", "B", "copied text", day(2))
	put(t, st, a, b)
	err := st.SetCopies(context.Background(), []store.CopyStatus{{ID: "b", CopyOf: "a", CopyType: model.CopyNear, Similarity: 0.9}, {ID: "missing", CopyOf: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = st.AllArticles(context.Background(), func(x *model.Article) error {
		got = append(got, fmt.Sprintf("%s:%s:%s:%.1f:%t", x.ID, x.CopyOf, x.CopyType, x.CopySim, x.Text != ""))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, " ") != "a:::0.0:true b:a:near:0.9:true" {
		t.Fatalf("AllArticles = %v", got)
	}
	wantOutcomes(t, put(t, st, b), store.Unchanged) // copy status is not content
}

func testStories(t *testing.T, st store.Store) {
	ctx := context.Background()
	put(t, st, article("a", "A", "one", day(1)), article("b", "B", "two", day(2)), article("c", "C", "three", time.Time{}))
	older := &model.Story{ID: "s-a", Title: "A", FirstSeen: day(1), LastSeen: day(2), Size: 2, Outlets: []string{"X", "Y"}, Terms: []string{"fire"}, Entities: []string{"Port"}}
	undated := &model.Story{ID: "s-c", Title: "C", Size: 1, Outlets: []string{}, Terms: []string{}, Entities: []string{}}
	first := []store.Membership{{ID: "a", Story: "s-a"}, {ID: "b", Story: "s-a"}, {ID: "c", Story: "s-c"}, {ID: "missing", Story: "s-a"}}
	if err := st.ReplaceStories(ctx, []*model.Story{undated, older}, first); err != nil {
		t.Fatal(err)
	}
	got, err := st.Story(ctx, "s-a")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint(older) {
		t.Fatalf("Story = %+v, want %+v", got, older)
	}
	list := func(q store.StoryQuery) string {
		ss, err := st.Stories(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range ss {
			ids = append(ids, s.ID)
		}
		return strings.Join(ids, " ")
	}
	if got := list(store.StoryQuery{}); got != "s-a s-c" {
		t.Fatalf("by recency: %s", got)
	}
	if got := list(store.StoryQuery{BySize: true, Offset: 1}); got != "s-c" {
		t.Fatalf("by size, offset 1: %s", got)
	}
	members, err := st.Articles(ctx, store.ArticleQuery{Story: "s-a"})
	if err != nil || len(members) != 2 || members[0].Story != "s-a" {
		t.Fatalf("members of s-a: %v, %v", members, err)
	}
	// Replacing drops stories and memberships no longer given.
	if err := st.ReplaceStories(ctx, []*model.Story{undated}, []store.Membership{{ID: "c", Story: "s-c"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Story(ctx, "s-a"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("replaced story still found: %v", err)
	}
	if a, _ := st.Article(ctx, "a"); a == nil || a.Story != "" {
		t.Fatalf("article a keeps story %v", a)
	}
}

func testFetchState(t *testing.T, st store.Store) {
	ctx := context.Background()
	u := "https://example.com/feed.xml"
	got, err := st.FetchState(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if got != (store.FetchState{URL: u}) {
		t.Fatalf("never fetched: got %+v, want the zero state", got)
	}
	want := store.FetchState{URL: u, ETag: `"v1"`, LastModified: "Wed, 02 Dec 2020 10:00:00 GMT", Checked: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}
	for _, fs := range []store.FetchState{{URL: u, ETag: `"v0"`, Checked: want.Checked.Add(-time.Hour)}, want} {
		if err := st.PutFetchState(ctx, fs); err != nil {
			t.Fatal(err)
		}
	}
	if got, err = st.FetchState(ctx, u); err != nil || got != want {
		t.Fatalf("after two puts: got %+v, %v; want %+v", got, err, want)
	}
}

func testFeeds(t *testing.T, st store.Store) {
	ctx := context.Background()
	added := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	n, err := st.AddFeeds(ctx, []store.Feed{{URL: "https://b.example/rss", Added: added}, {URL: "https://a.example/atom", Title: "A", Added: added}})
	if err != nil || n != 2 {
		t.Fatalf("AddFeeds: %d, %v; want 2 new", n, err)
	}
	// Adding again changes nothing but a missing title.
	if n, err = st.AddFeeds(ctx, []store.Feed{{URL: "https://a.example/atom", Title: "Other"}, {URL: "https://b.example/rss", Title: "B"}}); err != nil || n != 0 {
		t.Fatalf("AddFeeds again: %d, %v; want 0 new", n, err)
	}
	polled := added.Add(time.Hour)
	upd := store.Feed{URL: "https://b.example/rss", LastPolled: polled, NextPoll: polled.Add(30 * time.Minute), Failures: 2, LastError: "503", Articles: 7}
	if err := st.UpdateFeed(ctx, upd); err != nil {
		t.Fatal(err)
	}
	if err := st.UpdateFeed(ctx, store.Feed{URL: "https://nowhere.example/"}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("UpdateFeed of an unknown feed: %v, want ErrNotFound", err)
	}
	feeds, err := st.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Feed{
		{URL: "https://a.example/atom", Title: "A", Added: added, NextPoll: added},
		{URL: "https://b.example/rss", Title: "B", Added: added, LastPolled: polled, NextPoll: upd.NextPoll, Failures: 2, LastError: "503", Articles: 7},
	}
	if len(feeds) != len(want) {
		t.Fatalf("Feeds: %+v, want %+v", feeds, want)
	}
	for i := range want {
		if feeds[i] != want[i] {
			t.Errorf("feed %d: %+v, want %+v", i, feeds[i], want[i])
		}
	}
}

func testOutlets(t *testing.T, st store.Store) {
	ctx := context.Background()
	a, b, c, d := article("a", "A", "one", day(1)), article("b", "B", "two", day(3)), article("c", "C", "three", time.Time{}), article("d", "D", "four", day(2))
	a.Outlet, b.Outlet, c.Outlet, d.Outlet = "Ledger", "Ledger", "Wire", ""
	put(t, st, a, b, c, d)
	got, err := st.Outlets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.OutletCount{{Outlet: "Ledger", Articles: 2, First: day(1), Last: day(3)}, {Outlet: "Wire", Articles: 1}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("Outlets: %+v, want %+v", got, want)
	}
}
