package server

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/fetch"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

type feedItem struct{ link, title, date, text string }

var (
	damLedger = feedItem{"https://ledger.example/dam-breach", "Dam breach floods villages below Lake Orsa",
		"Mon, 10 Mar 2025 07:00:00 GMT",
		"The Orsa dam breached before dawn on Monday, flooding four villages in the Veld valley below Lake Orsa, regional officials said. Rescue teams evacuated about 1,200 residents from the villages of Kettle, Marn, Sorrow Bend and Dunmore as water from the lake poured through a gap in the dam wall. Officials said the Orsa dam had been inspected last year."}
	damWire = feedItem{"https://wire.example/orsa-dam", "Orsa dam gives way, Veld valley villages flooded",
		"Mon, 10 Mar 2025 09:30:00 GMT",
		"Water from Lake Orsa flooded four villages in the Veld valley on Monday after the Orsa dam breached, and rescue teams evacuated about 1,200 residents, regional officials said. Kettle and Marn were the worst hit of the villages below the dam, the officials said, and the cause of the breach in the Orsa dam wall was not yet known."}
	chess = feedItem{"https://ledger.example/chess-final", "Teenager wins Harrowgate chess open",
		"Mon, 10 Mar 2025 18:00:00 GMT",
		"Sixteen-year-old Mira Okonjo won the Harrowgate chess open on Monday, beating grandmaster Tomas Reyl in a final game that lasted six hours. Okonjo is the youngest winner in the tournament's forty-year history, organisers said. Reyl said the teenager had played the endgame without a mistake."}
	damFollow = feedItem{"https://courier.example/orsa-repairs", "Engineers begin work on breached Orsa dam",
		"Tue, 11 Mar 2025 08:00:00 GMT",
		"Engineers began work on Tuesday to close the gap in the breached Orsa dam wall, a day after water from Lake Orsa flooded four villages in the Veld valley. Most of the 1,200 residents evacuated from Kettle, Marn, Sorrow Bend and Dunmore remained in shelters, regional officials said, as the water below the Orsa dam began to recede."}
	budget = feedItem{"https://wire.example/port-budget", "Harbour board approves budget for new ferry berth",
		"Tue, 11 Mar 2025 10:00:00 GMT",
		"The Saltmere harbour board approved a budget of 14 million crowns on Tuesday for a new ferry berth, its chair said. Construction of the berth is to start in the autumn and take two years, and the board said ferry fares would not rise to pay for it."}
)

// feedServer serves an RSS feed whose items can change, with ETag
// validation, and counts the requests and the 304 answers.
type feedServer struct {
	mu           sync.Mutex
	items        []feedItem
	fail         bool
	hits, unmods atomic.Int32
}

func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.hits.Add(1)
	f.mu.Lock()
	items, fail := f.items, f.fail
	f.mu.Unlock()
	if fail {
		http.Error(w, "upstream trouble", http.StatusServiceUnavailable)
		return
	}
	etag := fmt.Sprintf(`"v%d"`, len(items))
	if r.Header.Get("If-None-Match") == etag {
		f.unmods.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title><link>https://ledger.example/</link><description>t</description>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description></item>",
			html.EscapeString(it.title), it.link, it.date, html.EscapeString("<p>"+it.text+"</p>"))
	}
	b.WriteString(`</channel></rss>`)
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	w.Write([]byte(b.String()))
}

func (f *feedServer) set(items ...feedItem) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = items
}

// pollServer is a server over an empty store with one feed and a clock the
// test moves.
func pollServer(t *testing.T, fs *feedServer) (*Server, store.Store, string, *time.Time) {
	t.Helper()
	up := httptest.NewServer(fs)
	t.Cleanup(up.Close)
	st := newStore(t, pipelineConfig())
	fetcher := fetch.New(5 * time.Second)
	fetcher.AllowPrivate = true
	fetcher.HostInterval = 0
	now := time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)
	s := New(st, Options{Loopback: true, Fetcher: fetcher, PollInterval: 10 * time.Minute, MaxBackoff: time.Hour, Now: func() time.Time { return now }})
	feed := up.URL + "/feed.xml"
	if _, err := st.AddFeeds(context.Background(), []store.Feed{{URL: feed, Added: now}}); err != nil {
		t.Fatal(err)
	}
	return s, st, feed, &now
}

func storyOf(t *testing.T, st store.Store, link string) string {
	t.Helper()
	a, err := st.Article(context.Background(), model.DeriveID("", link, ""))
	if err != nil {
		t.Fatalf("%s not stored: %v", link, err)
	}
	if a.Story == "" {
		t.Fatalf("%s has no story", link)
	}
	return a.Story
}

func TestFeedPolling(t *testing.T) {
	ctx := context.Background()
	fs := &feedServer{}
	fs.set(damLedger, damWire, chess)
	s, st, feed, now := pollServer(t, fs)

	res, err := s.PollDue(ctx)
	if err != nil || len(res) != 1 || res[0].New != 3 || res[0].Err != nil {
		t.Fatalf("first poll: %+v, %v", res, err)
	}
	dam := storyOf(t, st, damLedger.link)
	if storyOf(t, st, damWire.link) != dam || storyOf(t, st, chess.link) == dam {
		t.Errorf("first poll: the two dam reports should share a story, the chess final have its own")
	}

	// Not due yet: no request.
	if res, _ := s.PollDue(ctx); len(res) != 0 || fs.hits.Load() != 1 {
		t.Errorf("poll before the interval: %+v, %d requests", res, fs.hits.Load())
	}
	// Due, unchanged: one conditional request answered 304, nothing added.
	*now = now.Add(11 * time.Minute)
	before, _ := st.Count(ctx)
	res, _ = s.PollDue(ctx)
	after, _ := st.Count(ctx)
	if len(res) != 1 || res[0].New+res[0].Updated != 0 || fs.unmods.Load() != 1 || after != before {
		t.Errorf("unchanged poll: %+v, %d not-modified answers, %d → %d articles", res, fs.unmods.Load(), before, after)
	}

	// The feed changes: a follow-up joins the dam story, an unrelated
	// report starts its own.
	fs.set(damFollow, budget, damLedger, damWire, chess)
	*now = now.Add(11 * time.Minute)
	res, _ = s.PollDue(ctx)
	if len(res) != 1 || res[0].New != 2 || res[0].Err != nil {
		t.Fatalf("changed poll: %+v", res)
	}
	dam = storyOf(t, st, damLedger.link)
	if got := storyOf(t, st, damFollow.link); got != dam {
		t.Errorf("the follow-up is in story %s, not the dam story %s", got, dam)
	}
	if b := storyOf(t, st, budget.link); b == dam || b == storyOf(t, st, chess.link) {
		t.Errorf("the budget report joined another story")
	}
	// The API shows it at once: the dam story has three reports.
	ts := serve(t, s)
	var p storyPage
	json.Unmarshal(get(t, ts.URL+"/api/stories?q=Orsa").body, &p)
	if len(p.Stories) != 1 || p.Stories[0].Size != 3 {
		t.Errorf("stories about Orsa: %+v", p.Stories)
	}
	feeds, _ := st.Feeds(ctx)
	if len(feeds) != 1 || feeds[0].Articles != 5 || feeds[0].Failures != 0 || !feeds[0].LastPolled.Equal(*now) || !feeds[0].NextPoll.Equal(now.Add(10*time.Minute)) {
		t.Errorf("feed state: %+v", feeds)
	}
	_ = feed
}

func TestFeedBackoff(t *testing.T) {
	ctx := context.Background()
	fs := &feedServer{fail: true}
	s, st, _, now := pollServer(t, fs)
	for i, wait := range []time.Duration{20 * time.Minute, 40 * time.Minute, time.Hour, time.Hour} {
		res, _ := s.PollDue(ctx)
		if len(res) != 1 || res[0].Err == nil {
			t.Fatalf("failure %d: %+v", i+1, res)
		}
		feeds, _ := st.Feeds(ctx)
		f := feeds[0]
		if f.Failures != i+1 || !f.NextPoll.Equal(now.Add(wait)) || !strings.Contains(f.LastError, "503") {
			t.Errorf("after failure %d: %+v, want next poll in %s", i+1, f, wait)
		}
		*now = f.NextPoll
	}
	// It recovers: the failure count goes back to zero.
	fs.mu.Lock()
	fs.fail = false
	fs.items = []feedItem{chess}
	fs.mu.Unlock()
	res, _ := s.PollDue(ctx)
	feeds, _ := st.Feeds(ctx)
	if len(res) != 1 || res[0].New != 1 || feeds[0].Failures != 0 || feeds[0].LastError != "" {
		t.Errorf("recovery: %+v %+v", res, feeds[0])
	}
	m := string(get(t, serve(t, s).URL+"/metrics").body)
	if !strings.Contains(m, "sitrep_fetch_errors_total 4\n") || !strings.Contains(m, "sitrep_feeds 1\n") {
		t.Errorf("metrics after four failed polls:\n%s", m)
	}
}

// TestRunStops checks that the poll loop ends when its context does.
func TestRunStops(t *testing.T) {
	fs := &feedServer{}
	fs.set(chess)
	s, _, _, _ := pollServer(t, fs)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	deadline := time.After(10 * time.Second)
	for fs.hits.Load() == 0 {
		select {
		case <-deadline:
			t.Fatal("Run never polled")
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop")
	}
}
