package cli

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestIngestFeedURL: a feed fetched twice costs one conditional request the
// second time (validators remembered in the database), and a loopback
// server is refused without --allow-private.
func TestIngestFeedURL(t *testing.T) {
	var conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"f1"` {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"f1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<rss version="2.0"><channel><title>Gazette</title>
<item><title>Ship fire</title><link>https://gazette.example/fire</link><description>A ship burned at the port overnight.</description></item>
<item><title>Port reopens</title><link>https://gazette.example/port</link><description>The port reopened on Thursday.</description></item>
</channel></rss>`))
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "feed.db")
	r := run(t, db, "ingest", srv.URL+"/rss")
	if r.code != 1 || !strings.Contains(r.stderr, srv.URL) || !strings.Contains(r.stderr, "--allow-private") {
		t.Fatalf("loopback without --allow-private: code %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, db, "ingest", "--allow-private", srv.URL+"/rss")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "2 new, 0 updated") {
		t.Fatalf("first fetch: code %d, %q %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, db, "ingest", "--allow-private", srv.URL+"/rss")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "0 new, 0 updated, 0 unchanged") || conditional.Load() != 1 {
		t.Fatalf("second fetch: code %d, %q; %d conditional requests answered 304", r.code, r.stdout, conditional.Load())
	}
	r = run(t, db, "articles", "--json")
	if !strings.Contains(r.stdout, `"outlet": "gazette.example"`) || !strings.Contains(r.stdout, `"source_format": "feed"`) {
		t.Errorf("stored feed items: %s", r.stdout)
	}
}
