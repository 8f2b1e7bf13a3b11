package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/store"
)

type memState map[string]store.FetchState

func (m memState) FetchState(_ context.Context, u string) (store.FetchState, error) {
	if s, ok := m[u]; ok {
		return s, nil
	}
	return store.FetchState{URL: u}, nil
}

func (m memState) PutFetchState(_ context.Context, s store.FetchState) error {
	m[s.URL] = s
	return nil
}

func TestConditionalGet(t *testing.T) {
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.Header.Get("If-None-Match")+"|"+r.Header.Get("If-Modified-Since"))
		if !strings.HasPrefix(r.UserAgent(), "sitrep/") {
			t.Errorf("User-Agent %q", r.UserAgent())
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Wed, 02 Dec 2020 10:00:00 GMT")
		w.Write([]byte("<rss></rss>"))
	}))
	defer srv.Close()
	f := New(5 * time.Second)
	f.AllowPrivate, f.HostInterval, f.State = true, 0, memState{}
	first, err := f.Fetch(context.Background(), srv.URL+"/feed")
	if err != nil || first.NotModified || string(first.Body) != "<rss></rss>" {
		t.Fatalf("first fetch: %+v, %v", first, err)
	}
	// Until the caller commits (the articles are stored), nothing is
	// remembered: the next fetch is a full one.
	again, err := f.Fetch(context.Background(), srv.URL+"/feed")
	if err != nil || again.NotModified {
		t.Fatalf("fetch before Commit: %+v, %v; want a full response", again, err)
	}
	if err := f.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	second, err := f.Fetch(context.Background(), srv.URL+"/feed")
	if err != nil || !second.NotModified || len(second.Body) != 0 {
		t.Fatalf("second fetch: %+v, %v; want 304 not modified", second, err)
	}
	if len(seen) != 3 || seen[0] != "|" || seen[1] != "|" || seen[2] != `"v1"|Wed, 02 Dec 2020 10:00:00 GMT` {
		t.Errorf("validators sent: %q", seen)
	}
}

func TestRefusals(t *testing.T) {
	big := strings.Repeat("x", 2000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Write([]byte(big))
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/ftp":
			http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	f := New(5 * time.Second)
	f.HostInterval = 0
	for _, u := range []string{srv.URL + "/big", "http://localhost:1/x", "http://[::1]:1/x", "http://10.0.0.1:1/x", "http://169.254.169.254/latest/meta-data"} {
		if _, err := f.Fetch(ctx, u); !errors.Is(err, ErrPrivate) {
			t.Errorf("%s: %v, want refused as private", u, err)
		}
	}
	if _, err := f.Fetch(ctx, "file:///etc/passwd"); !errors.Is(err, ErrScheme) {
		t.Errorf("file URL: %v", err)
	}
	f.AllowPrivate, f.MaxBytes = true, 1000
	if _, err := f.Fetch(ctx, srv.URL+"/big"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("2000-byte body with a 1000-byte cap: %v", err)
	}
	if _, err := f.Fetch(ctx, srv.URL+"/loop"); err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("redirect loop: %v", err)
	}
	if _, err := f.Fetch(ctx, srv.URL+"/ftp"); !errors.Is(err, ErrScheme) {
		t.Errorf("redirect to ftp: %v", err)
	}
}

func TestPrivate(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "10.1.2.3": true, "192.168.0.1": true, "172.16.5.4": true, "169.254.1.1": true,
		"100.64.0.1": true, "::1": true, "fd00::1": true, "fe80::1": true, "0.0.0.0": true, "::ffff:127.0.0.1": true,
		"93.184.216.34": false, "2606:4700::1111": false,
	} {
		if got := Private(netip.MustParseAddr(addr)); got != want {
			t.Errorf("Private(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestHostInterval(t *testing.T) {
	f := New(time.Second)
	f.HostInterval = 50 * time.Millisecond
	start := time.Now()
	for range 3 {
		if err := f.wait(context.Background(), "a.example"); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.wait(context.Background(), "b.example"); err != nil {
		t.Fatal(err)
	}
	// Three requests to one host span at least two intervals; another host
	// does not wait behind them.
	if el := time.Since(start); el < 100*time.Millisecond {
		t.Errorf("three requests to one host took %v, want ≥ 100ms", el)
	}
}
