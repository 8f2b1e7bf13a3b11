package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzRequests sends arbitrary methods, paths, queries and bodies to the
// whole handler: nothing may panic or answer 500.
func FuzzRequests(f *testing.F) {
	for _, seed := range [][3]string{
		{"GET", "/api/stories?q=fire&outlet=x&entity=y&since=2025-01-01&until=2026&sort=size&limit=3&offset=1", ""},
		{"GET", "/api/search?q=%22port%20calder%22%20OR%20ship*", ""},
		{"GET", "/compare?a=x&b=y", ""},
		{"GET", "/feeds/stories.atom?q=(", ""},
		{"POST", "/api/articles", `{"id":"f","text":"Some text about a ship."}`},
		{"POST", "/api/articles", "{\"text\":\"a\"}\n[1,2]\n<rss>"},
		{"GET", "/stories/%00", ""},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	st := newStore(f, pipelineConfig(), "../../examples")
	h := New(st, Options{Loopback: true, MaxBody: 1 << 16}).Handler()
	f.Fuzz(func(t *testing.T, method, target, body string) {
		if method != "GET" && method != "POST" && method != "HEAD" {
			method = "GET"
		}
		u, err := url.ParseRequestURI(target)
		if err != nil || !strings.HasPrefix(target, "/") {
			return
		}
		// http.NewRequest reports what no HTTP server would deliver (a
		// target with a space, say) instead of panicking as httptest's does.
		req, err := http.NewRequest(method, "http://sitrep.test"+u.RequestURI(), strings.NewReader(body))
		if err != nil {
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= http.StatusInternalServerError {
			t.Fatalf("%s %s: %d %s", method, target, rec.Code, rec.Body.String())
		}
	})
}
