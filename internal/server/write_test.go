package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

const newArticle = `{
  "id": "harbour-followup-2",
  "outlet": "Northern Wire",
  "title": "Northern Ember fire: investigators board the ship",
  "published": "2025-03-16T09:00:00Z",
  "text": "Investigators boarded the container ship Northern Ember at Port Calder on Sunday, two days after a fire broke out in one of its holds while it was moored at the east terminal.\n\nThe coastguard said the fire aboard the Northern Ember was out and that the crew rescued on Friday were recovering. Port officials said the east terminal at Port Calder would stay closed while the investigation goes on."
}`

func ingestResultOf(t *testing.T, r response) ingestResult {
	t.Helper()
	var res ingestResult
	if err := json.Unmarshal(r.body, &res); err != nil {
		t.Fatalf("%d: %v\n%s", r.status, err, r.body)
	}
	return res
}

func TestPostArticles(t *testing.T) {
	_, ts := examples(t, Options{MaxBody: 4096})
	sp := loadSpec(t)
	post := func(body string, header ...string) response {
		return do(t, http.MethodPost, ts.URL+"/api/articles?wait=true", body, header...)
	}
	valid := func(r response) {
		t.Helper()
		var v any
		json.Unmarshal(r.body, &v)
		for _, e := range sp.check(sp.responseSchema(t, "/api/articles", "POST", r.status), v, "body") {
			t.Error(e)
		}
	}

	// One pretty-printed object: stored, analysed, in the fire story.
	r := post(newArticle, "Content-Type", "application/json")
	valid(r)
	if res := ingestResultOf(t, r); r.status != 201 || res.New != 1 || res.Analysis != "done" {
		t.Fatalf("first post: %d %s", r.status, r.body)
	}
	var a map[string]any
	json.Unmarshal(get(t, ts.URL+"/api/articles/harbour-followup-2").body, &a)
	var fire storyPage
	json.Unmarshal(get(t, ts.URL+"/api/stories?q=%22Northern+Ember%22").body, &fire)
	if len(fire.Stories) != 1 || a["story"] != fire.Stories[0].ID || fire.Stories[0].Size != 6 {
		t.Errorf("the follow-up is in story %v; fire stories %+v", a["story"], fire.Stories)
	}

	// The same again changes nothing.
	r = post(newArticle)
	valid(r)
	if res := ingestResultOf(t, r); r.status != 200 || res.Unchanged != 1 || res.New+res.Updated != 0 || res.Analysis != "none" {
		t.Errorf("second post: %d %s", r.status, r.body)
	}

	// JSONL with a bad line: the good lines are stored, the bad one named.
	jsonl := `{"id":"j1","title":"Halvik ferry timetable changes","text":"The Halvik ferry will run every hour from Monday, the operator said."}
{"id":"j2","title":"broken", "text":
{"id":"j3","text":"   "}
`
	r = post(jsonl, "Content-Type", "application/x-ndjson")
	valid(r)
	res := ingestResultOf(t, r)
	if r.status != 201 || res.New != 1 || res.Failed != 2 || len(res.Errors) != 2 ||
		!strings.HasPrefix(res.Errors[0], "request body:2:") || !strings.HasPrefix(res.Errors[1], "request body:3:") {
		t.Errorf("JSONL with bad lines: %d %s", r.status, r.body)
	}

	// Nothing usable, nothing at all, too much.
	for _, c := range []struct {
		name, body string
		status     int
		want       string
	}{
		{"invalid JSON", `{"id": "x", "text": `, 400, "request body:1"},
		{"empty body", "  \n", 400, "empty body"},
		{"oversized", `{"id":"big","text":"` + strings.Repeat("word ", 2000) + `"}`, 413, "over 4096 bytes"},
		{"binary", "\x00\x01\x02\x03", 400, "binary"},
	} {
		r := post(c.body)
		valid(r)
		if r.status != c.status || !strings.Contains(string(r.body), c.want) {
			t.Errorf("%s: %d %s; want %d with %q", c.name, r.status, r.body, c.status, c.want)
		}
	}
	// A URL in the body is never fetched.
	r = post(`{"url":"http://127.0.0.1:1/page"}`)
	if r.status != 400 {
		t.Errorf("a body with only a URL: %d %s", r.status, r.body)
	}
}

func TestTokenRule(t *testing.T) {
	body := `{"id":"t1","title":"Token test","text":"A short report about the token rule of the server."}`
	t.Run("beyond loopback without a token", func(t *testing.T) {
		st := newStore(t, pipelineConfig())
		ts := serve(t, New(st, Options{Loopback: false}))
		r := do(t, http.MethodPost, ts.URL+"/api/articles", body)
		if r.status != 403 || !strings.Contains(string(r.body), "SITREP_TOKEN") {
			t.Errorf("write: %d %s", r.status, r.body)
		}
		if r := get(t, ts.URL+"/api/stories"); r.status != 200 {
			t.Errorf("reads need no token: %d", r.status)
		}
	})
	t.Run("with a token", func(t *testing.T) {
		st := newStore(t, pipelineConfig())
		ts := serve(t, New(st, Options{Loopback: false, Token: "s3cret-token"}))
		for _, h := range []string{"", "Bearer wrong", "s3cret-token", "Basic s3cret-token"} {
			r := do(t, http.MethodPost, ts.URL+"/api/articles", body, "Authorization", h)
			if r.status != 401 || r.header.Get("WWW-Authenticate") == "" {
				t.Errorf("Authorization %q: %d %s", h, r.status, r.body)
			}
		}
		r := do(t, http.MethodPost, ts.URL+"/api/articles", body, "Authorization", "Bearer s3cret-token")
		if r.status != 201 {
			t.Errorf("right token: %d %s", r.status, r.body)
		}
	})
	t.Run("loopback", func(t *testing.T) {
		for _, addr := range []string{"127.0.0.1:8080", "localhost:80", "[::1]:8080"} {
			if !IsLoopback(addr) {
				t.Errorf("%s is loopback", addr)
			}
		}
		for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.168.1.4:80", "example.com:80"} {
			if IsLoopback(addr) {
				t.Errorf("%s is not loopback", addr)
			}
		}
	})
}
