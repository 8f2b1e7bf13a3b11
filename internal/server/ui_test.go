package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var (
	inlineTag = regexp.MustCompile(`</?(strong|em|mark|a|q|span|time|b|i|code)( [^>]*)?>`)
	tag       = regexp.MustCompile(`<[^>]*>`)
)

// visibleText is a page's text with tags removed (block tags leave a
// space) and spaces collapsed.
func visibleText(page []byte) string {
	s := inlineTag.ReplaceAllString(string(page), "")
	s = tag.ReplaceAllString(s, " ")
	for _, r := range []struct{ from, to string }{{"&#39;", "'"}, {"&amp;", "&"}, {"&quot;", `"`}, {"&#34;", `"`}, {"&lt;", "<"}, {"&gt;", ">"}} {
		s = strings.ReplaceAll(s, r.from, r.to)
	}
	return strings.Join(strings.Fields(s), " ")
}

func TestPages(t *testing.T) {
	_, ts := examples(t, Options{})
	story := firstStory(t, ts.URL)
	var b map[string]any
	json.Unmarshal(get(t, ts.URL+"/api/stories/"+story).body, &b)
	reports := b["reports"].([]any)
	orig, copyID := reports[0].(map[string]any)["id"].(string), reports[1].(map[string]any)["id"].(string)
	cases := []struct {
		url    string
		status int
		want   []string
	}{
		{"/", 200, []string{"Latest stories", "Fire rips through cargo ship at Port Calder; 12 crew rescued", "5 reports", "4 outlets", "Halvik council approves toll-free bridge plan"}},
		{"/?sort=size&q=bridge", 200, []string{"Stories about “bridge”", "Halvik council approves toll-free bridge plan", "Stories 1–1 of 1"}},
		{"/?q=zzyzx", 200, []string{"No stories match “zzyzx”"}},
		{"/?limit=1", 200, []string{"Stories 1–1 of 2", "Older →"}},
		{"/stories/" + story, 200, []string{
			"First reporter", "The Portside Ledger — credited by Coastline Daily News",
			"Where accounts differ", "The Portside Ledger: 12 crew", "Northern Wire: 14 sailors",
			"Corroborated", "Quotes", "Who and where", "Ilse Brandt", "Timeline",
			"near copy of The Portside Ledger", "Each dot is a report; hollow dots are copies.",
		}},
		{"/articles/" + url.PathEscape(copyID), 200, []string{"near copy", "compare", "part of its story"}},
		{"/compare?a=" + url.PathEscape(orig) + "&b=" + url.PathEscape(copyID), 200, []string{"Compare reports", "of the left report's sentences have a close match"}},
		{"/compare?id=" + url.PathEscape(orig), 400, []string{"Choose two reports"}},
		{"/stories/s-nope", 404, []string{"There is nothing at this address"}},
		{"/no/such/page", 404, []string{"Not Found"}},
		{"/?sort=sideways", 400, []string{"sort \"sideways\""}},
	}
	for _, c := range cases {
		t.Run(c.url, func(t *testing.T) {
			r := get(t, ts.URL+c.url)
			if r.status != c.status {
				t.Fatalf("status %d, want %d", r.status, c.status)
			}
			if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP %q", csp)
			}
			text := visibleText(r.body)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("page lacks %q:\n%.3000s", w, text)
				}
			}
			if strings.Contains(string(r.body), "<script>") || strings.Contains(string(r.body), " style=") || strings.Contains(string(r.body), " on") && regexp.MustCompile(` on[a-z]+=`).Match(r.body) {
				t.Errorf("inline script or style: the CSP would block it")
			}
		})
	}
	if r := get(t, ts.URL+"/static/style.css"); r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Errorf("style.css: %d %s", r.status, r.header.Get("Content-Type"))
	}
}

// TestEscaping posts a report full of markup and checks no page lets it
// through.
func TestEscaping(t *testing.T) {
	_, ts := examples(t, Options{})
	evil := `{"id":"evil","url":"javascript:alert(1)","outlet":"<img src=x onerror=alert(1)>","title":"<script>alert('t')</script> Port Calder fire","published":"2025-03-14T20:00:00Z",` +
		`"text":"The fire aboard the Northern Ember at Port Calder was put out, <script>alert('x')</script> coastguard crews said on Friday. \"<b>It is over</b>,\" said <i>Ilse Brandt</i>."}`
	r := do(t, http.MethodPost, ts.URL+"/api/articles?wait=true", evil)
	if r.status != 201 {
		t.Fatalf("post: %d %s", r.status, r.body)
	}
	var a map[string]any
	json.Unmarshal(get(t, ts.URL+"/api/articles/evil").body, &a)
	pages := []string{"/", "/articles/evil", "/compare?a=evil&b=evil", "/?q=fire"}
	if s, _ := a["story"].(string); s != "" {
		pages = append(pages, "/stories/"+url.PathEscape(s))
	}
	for _, p := range pages {
		body := string(get(t, ts.URL+p).body)
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>It is over", `href="javascript:`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s lets %q through", p, bad)
			}
		}
	}
	atom := string(get(t, ts.URL+"/feeds/stories.atom").body)
	if strings.Contains(atom, "<script>") {
		t.Errorf("the Atom feed lets markup through")
	}
}
