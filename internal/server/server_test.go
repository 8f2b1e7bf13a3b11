package server

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// firstStory is the id of the largest story of a test server.
func firstStory(t *testing.T, base string) string {
	t.Helper()
	var p storyPage
	if err := json.Unmarshal(get(t, base+"/api/stories?sort=size").body, &p); err != nil || len(p.Stories) == 0 {
		t.Fatalf("no stories: %v", err)
	}
	return p.Stories[0].ID
}

func storyTitles(t *testing.T, r response) []string {
	t.Helper()
	var p storyPage
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("%v\n%s", err, r.body)
	}
	var out []string
	for _, s := range p.Stories {
		out = append(out, s.Title)
	}
	return out
}

// TestAPI calls every read endpoint with good and bad input and checks
// each answer against the OpenAPI document.
func TestAPI(t *testing.T) {
	_, ts := examples(t, Options{})
	sp := loadSpec(t)
	story := firstStory(t, ts.URL)
	var art string
	{
		var b map[string]any
		json.Unmarshal(get(t, ts.URL+"/api/stories/"+story).body, &b)
		art = b["reports"].([]any)[0].(map[string]any)["id"].(string)
	}
	fire, bridge := "Fire rips through cargo ship at Port Calder; 12 crew rescued", "Halvik council approves toll-free bridge plan"
	cases := []struct {
		url, path string // request, and its path in the document
		status    int
		check     func(t *testing.T, r response)
	}{
		{"/healthz", "/healthz", 200, func(t *testing.T, r response) {
			if r.json(t)["articles"] != 6.0 {
				t.Errorf("healthz: %s", r.body)
			}
		}},
		{"/api/stories", "/api/stories", 200, func(t *testing.T, r response) {
			if got := storyTitles(t, r); len(got) != 2 || got[0] != fire {
				t.Errorf("stories, most recent first: %q", got)
			}
		}},
		{"/api/stories?sort=size&limit=1", "/api/stories", 200, func(t *testing.T, r response) {
			if got := storyTitles(t, r); len(got) != 1 || got[0] != fire || r.json(t)["total"] != 2.0 {
				t.Errorf("largest story, one per page: %q %s", got, r.body)
			}
		}},
		{"/api/stories?limit=1&offset=1", "/api/stories", 200, func(t *testing.T, r response) {
			if got := storyTitles(t, r); len(got) != 1 || got[0] != bridge {
				t.Errorf("second page: %q", got)
			}
		}},
		{"/api/stories?offset=5", "/api/stories", 200, func(t *testing.T, r response) {
			if got := storyTitles(t, r); len(got) != 0 {
				t.Errorf("past the end: %q", got)
			}
		}},
		{"/api/stories?q=toll", "/api/stories", 200, func(t *testing.T, r response) {
			if got := storyTitles(t, r); len(got) != 1 || got[0] != bridge {
				t.Errorf("q=toll: %q", got)
			}
		}},
		{"/api/stories?outlet=northern+wire", "/api/stories", 200, func(t *testing.T, r response) {
			if got := storyTitles(t, r); len(got) != 1 || got[0] != fire {
				t.Errorf("outlet=northern wire: %q", got)
			}
		}},
		{"/api/stories?entity=Ilse+Brandt", "/api/stories", 200, func(t *testing.T, r response) {
			if got := storyTitles(t, r); len(got) != 1 || got[0] != fire {
				t.Errorf("entity=Ilse Brandt: %q", got)
			}
		}},
		{"/api/stories?since=2025-03-13&until=2025-03-13", "/api/stories", 200, func(t *testing.T, r response) {
			if got := storyTitles(t, r); len(got) != 0 {
				t.Errorf("a day with no story: %q", got)
			}
		}},
		{"/api/stories?until=2025-03-12T23:00:00Z", "/api/stories", 200, func(t *testing.T, r response) {
			if got := storyTitles(t, r); len(got) != 1 || got[0] != bridge {
				t.Errorf("until Mar 12: %q", got)
			}
		}},
		{"/api/stories?limit=0", "/api/stories", 400, nil},
		{"/api/stories?limit=many", "/api/stories", 400, nil},
		{"/api/stories?offset=-1", "/api/stories", 400, nil},
		{"/api/stories?sort=oldest", "/api/stories", 400, nil},
		{"/api/stories?since=yesterday-ish", "/api/stories", 400, nil},
		{"/api/stories/" + story, "/api/stories/{id}", 200, func(t *testing.T, r response) {
			b := r.json(t)
			if b["headline"] != fire || b["first_reporter"].(map[string]any)["outlet"] != "The Portside Ledger" {
				t.Errorf("brief: headline %v, first %v", b["headline"], b["first_reporter"])
			}
		}},
		{"/api/stories/s-nope", "/api/stories/{id}", 404, nil},
		{"/api/articles/" + url.PathEscape(art), "/api/articles/{id}", 200, func(t *testing.T, r response) {
			if a := r.json(t); a["id"] != art || !strings.Contains(a["text"].(string), "Northern Ember") {
				t.Errorf("article: %s", r.body)
			}
		}},
		{"/api/articles/nope", "/api/articles/{id}", 404, nil},
		{"/api/search?q=sailors", "/api/search", 200, func(t *testing.T, r response) {
			var res struct {
				Hits []searchHit `json:"hits"`
			}
			json.Unmarshal(r.body, &res)
			if len(res.Hits) == 0 {
				t.Fatalf("no hits for sailors")
			}
			for _, h := range res.Hits {
				if len(h.Marks) == 0 {
					t.Errorf("hit %s has no marks", h.ID)
				}
				for _, m := range h.Marks {
					if w := strings.ToLower(h.Snippet[m[0]:m[1]]); !strings.HasPrefix(w, "sailor") {
						t.Errorf("mark %v covers %q", m, w)
					}
				}
			}
		}},
		{"/api/search", "/api/search", 400, nil},
		{"/api/search?q=fire&limit=1000", "/api/search", 400, nil},
		{"/api/outlets", "/api/outlets", 200, func(t *testing.T, r response) {
			outs := r.json(t)["outlets"].([]any)
			if len(outs) != 4 || outs[0].(map[string]any)["outlet"] != "The Portside Ledger" || outs[0].(map[string]any)["articles"] != 2.0 {
				t.Errorf("outlets: %s", r.body)
			}
		}},
		{"/api/feeds", "/api/feeds", 200, func(t *testing.T, r response) {
			if feeds := r.json(t)["feeds"].([]any); len(feeds) != 0 {
				t.Errorf("feeds: %s", r.body)
			}
		}},
	}
	for _, c := range cases {
		t.Run(strings.TrimPrefix(c.url, "/"), func(t *testing.T) {
			r := get(t, ts.URL+c.url)
			if r.status != c.status {
				t.Fatalf("status %d, want %d: %s", r.status, c.status, r.body)
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			var v any
			if err := json.Unmarshal(r.body, &v); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, r.body)
			}
			if schema := sp.responseSchema(t, c.path, "GET", c.status); schema != nil {
				for _, e := range sp.check(schema, v, "body") {
					t.Error(e)
				}
			}
			if c.status >= 400 {
				if msg, _ := v.(map[string]any)["error"].(map[string]any)["message"].(string); msg == "" {
					t.Errorf("error without a message: %s", r.body)
				}
			}
			if c.check != nil {
				c.check(t, r)
			}
		})
	}
}

func TestUnknownEndpoint(t *testing.T) {
	_, ts := examples(t, Options{})
	r := get(t, ts.URL+"/api/nothing")
	if r.status != 404 || !strings.Contains(string(r.body), "no such endpoint") {
		t.Errorf("unknown endpoint: %d %s", r.status, r.body)
	}
	r = do(t, http.MethodDelete, ts.URL+"/api/stories", "")
	if r.status != 404 && r.status != 405 {
		t.Errorf("DELETE /api/stories: %d", r.status)
	}
}

// TestOpenAPI checks that the document lists exactly the routes the server
// has, each with an operationId and documented responses.
func TestOpenAPI(t *testing.T) {
	s, ts := examples(t, Options{})
	r := get(t, ts.URL+"/openapi.json")
	var doc map[string]any
	if r.status != 200 || json.Unmarshal(r.body, &doc) != nil || doc["openapi"] != "3.1.0" {
		t.Fatalf("/openapi.json: %d %.200s", r.status, r.body)
	}
	var documented []string
	for path, item := range doc["paths"].(map[string]any) {
		for method, op := range item.(map[string]any) {
			documented = append(documented, strings.ToUpper(method)+" "+path)
			o := op.(map[string]any)
			if o["operationId"] == nil || len(o["responses"].(map[string]any)) == 0 {
				t.Errorf("%s %s: no operationId or responses", method, path)
			}
		}
	}
	// The routes the mux has, less the UI pages.
	var routes []string
	for _, p := range s.patterns() {
		method, path, _ := strings.Cut(p, " ")
		if path == "" || strings.HasSuffix(path, "/") || !(strings.HasPrefix(path, "/api/") || path == "/healthz" || path == "/metrics" || path == "/openapi.json" || strings.HasPrefix(path, "/feeds/")) {
			continue
		}
		routes = append(routes, method+" "+path)
	}
	sort.Strings(documented)
	sort.Strings(routes)
	if strings.Join(documented, "\n") != strings.Join(routes, "\n") {
		t.Errorf("documented:\n%s\nserved:\n%s", strings.Join(documented, "\n"), strings.Join(routes, "\n"))
	}
}

func TestMetricsAndAtom(t *testing.T) {
	_, ts := examples(t, Options{})
	get(t, ts.URL+"/api/stories")
	m := get(t, ts.URL+"/metrics")
	for _, want := range []string{
		"sitrep_articles 6\n",
		"sitrep_stories 2\n",
		`sitrep_http_requests_total{route="GET /api/stories",code="200"} 1`,
		`sitrep_http_request_duration_seconds_count{route="GET /api/stories"} 1`,
		"sitrep_fetch_errors_total 0\n",
		"# TYPE sitrep_http_request_duration_seconds histogram",
	} {
		if !strings.Contains(string(m.body), want) {
			t.Errorf("/metrics lacks %q:\n%s", want, m.body)
		}
	}
	// Every sample line is NAME{labels} VALUE.
	sample := regexp.MustCompile(`^[a-z_]+(\{[^}]*\})? [0-9.e+-]+$`)
	for _, line := range strings.Split(strings.TrimSpace(string(m.body)), "\n") {
		if !strings.HasPrefix(line, "#") && !sample.MatchString(line) {
			t.Errorf("bad metrics line %q", line)
		}
	}
	a := get(t, ts.URL+"/feeds/stories.atom?q=toll")
	var feed struct {
		Title   string `xml:"title"`
		Entries []struct {
			Title string `xml:"title"`
			Link  struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(a.body, &feed); err != nil || a.header.Get("Content-Type") != "application/atom+xml; charset=utf-8" {
		t.Fatalf("atom: %v %s\n%s", err, a.header.Get("Content-Type"), a.body)
	}
	if len(feed.Entries) != 1 || feed.Entries[0].Title != "Halvik council approves toll-free bridge plan" || !strings.HasPrefix(feed.Entries[0].Link.Href, ts.URL+"/stories/") {
		t.Errorf("atom entries: %+v", feed.Entries)
	}
	if r := get(t, ts.URL+feed.Entries[0].Link.Href[len(ts.URL):]); r.status != 200 {
		t.Errorf("the entry's link answers %d", r.status)
	}
}
