package cli

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a writer safe for the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServe starts 'sitrep serve' on a free port over the examples, with
// a feed list, reads a page, and stops it the way SIGTERM does.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ex.db")
	if r := run(t, db, "ingest", examples(t)); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	opml := filepath.Join(dir, "feeds.opml")
	os.WriteFile(opml, []byte(`<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"/><outline text="B" xmlUrl="https://b.example/atom"/></body></opml>`), 0o644)
	stderr := &lockedBuffer{}
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: stderr, Getenv: func(string) string { return "" }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, env, []string{"--db", db, "--addr", "127.0.0.1:0", "--feeds", opml, "--no-poll", "--log", "json"})
	}()
	banner := regexp.MustCompile(`sitrep serve: (http://127\.0\.0\.1:\d+/) \(6 articles\)`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == ""; {
		if m := banner.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("no banner: %s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	resp, err := http.Get(base + "api/feeds")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "https://a.example/rss") || !strings.Contains(string(body), "https://b.example/atom") {
		t.Errorf("/api/feeds: %d %s", resp.StatusCode, body)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if log := stderr.String(); !strings.Contains(log, `"msg":"shutting down"`) || !strings.Contains(log, `"route":"GET /api/feeds"`) {
		t.Errorf("log: %s", log)
	}
	// The feeds stay for the next start, and listing them works offline.
	r := run(t, db, "feeds", "list")
	if r.code != 0 || !strings.Contains(r.stdout, "https://a.example/rss") {
		t.Errorf("feeds list: %+v", r)
	}
	if r := run(t, db, "feeds", "import", opml); r.code != 0 || !strings.Contains(r.stdout, "lists 2 feeds: 0 added, 2 already there") {
		t.Errorf("feeds import again: %+v", r)
	}
	if r := run(t, db, "feeds", "add", "ftp://x"); r.code != 2 {
		t.Errorf("feeds add ftp://x: %+v", r)
	}
	if r := run(t, db, "serve", "--addr", "127.0.0.1:0", "--log", "xml"); r.code != 2 {
		t.Errorf("serve --log xml: %+v", r)
	}
}

func TestShowAnnotations(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ex.db")
	if r := run(t, db, "ingest", examples(t)); r.code != 0 {
		t.Fatalf("ingest: %+v", r)
	}
	r := run(t, db, "show", "--annotations", "northern-wire-8841")
	for _, want := range []string{"Entities (", "PERSON  Ilse Brandt", "Quotes (", "Dates (", "Quantities (", "14 sailors"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("show --annotations lacks %q: %+v", want, r)
		}
	}
	r = run(t, db, "show", "--annotations", "--json", "northern-wire-8841")
	var v struct {
		Text        string
		Annotations struct {
			Quotes []struct {
				Content *struct{ Start, End int }
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || len(v.Annotations.Quotes) == 0 {
		t.Fatalf("show --annotations --json: %v %s", err, r.stdout)
	}
	runes := []rune(v.Text)
	for _, q := range v.Annotations.Quotes {
		if q.Content != nil && (q.Content.End > len(runes) || q.Content.Start > q.Content.End) {
			t.Errorf("quote content %+v outside the text", q.Content)
		}
	}
}
