package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/source"
	"github.com/sitrep/sitrep/internal/store"
)

// ingestResult answers POST /api/articles.
type ingestResult struct {
	New       int      `json:"new"`
	Updated   int      `json:"updated"`
	Unchanged int      `json:"unchanged"`
	Failed    int      `json:"failed"`
	Errors    []string `json:"errors"`
	// Analysis is "none" (nothing changed), "scheduled" (stories update
	// in the background) or "done" (with ?wait=true).
	Analysis string `json:"analysis"`
}

// postArticles takes one article object, a JSON array of them, or JSONL,
// with the validation and idempotency of 'sitrep ingest'. URLs and feed
// lists in a body are never fetched.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return errorf(http.StatusBadRequest, "empty body: send an article object, a JSON array of articles or JSONL")
	}
	// One pretty-printed object is one record, not many lines.
	if t := bytes.TrimSpace(body); t[0] == '{' && json.Valid(t) {
		var buf bytes.Buffer
		if json.Compact(&buf, t) == nil {
			body = buf.Bytes()
		}
	}
	res := ingestResult{Errors: []string{}}
	cfg := pipeline.Config{
		Workers: s.opt.Workers,
		OnError: func(err error) {
			res.Errors = append(res.Errors, "request body"+strings.TrimPrefix(err.Error(), "stdin"))
		},
	}
	cfg.Source.Stdin = bytes.NewReader(body)
	cfg.Source.MaxRecord = int(s.opt.MaxBody)
	start := time.Now()
	rep, err := pipeline.Ingest(r.Context(), s.st, []string{"-"}, cfg)
	s.metrics.stage("ingest", time.Since(start))
	if err != nil {
		return err
	}
	s.metrics.ingested(rep)
	res.New, res.Updated, res.Unchanged, res.Failed = rep.New, rep.Updated, rep.Unchanged, rep.Failed
	if rep.Articles() == 0 && rep.Failed > 0 {
		return errorf(http.StatusBadRequest, "no article accepted: %s", strings.Join(res.Errors[:min(len(res.Errors), 5)], "; "))
	}
	res.Analysis = "none"
	if rep.New+rep.Updated > 0 {
		ticket := s.an.request()
		res.Analysis = "scheduled"
		if wait, _ := strconv.ParseBool(r.URL.Query().Get("wait")); wait {
			if err := s.an.wait(r.Context(), ticket); err != nil {
				return err
			}
			res.Analysis = "done"
		}
	}
	status := http.StatusOK
	if rep.New > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
	return nil
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) error {
	a, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

// page reads limit and offset: limit 1..max (default def), offset ≥ 0.
func page(r *http.Request, def, most int) (limit, offset int, err error) {
	q := r.URL.Query()
	limit, offset = def, 0
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > most {
			return 0, 0, errorf(http.StatusBadRequest, "limit %q: want a whole number from 1 to %d", v, most)
		}
	}
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, errorf(http.StatusBadRequest, "offset %q: want a whole number, 0 or more", v)
		}
	}
	return limit, offset, nil
}

func timeParam(r *http.Request, name string) (time.Time, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := source.ParseTime(v)
	if err != nil {
		return time.Time{}, errorf(http.StatusBadRequest, "%s %q: want YYYY-MM-DD or RFC 3339", name, v)
	}
	return t, nil
}

// storyFilter is what GET /api/stories and the story list page select by.
type storyFilter struct {
	Query, Outlet, Entity string
	Since, Until          time.Time
	BySize                bool
	Limit, Offset         int
}

func parseStoryFilter(r *http.Request) (storyFilter, error) {
	q := r.URL.Query()
	f := storyFilter{Query: strings.TrimSpace(q.Get("q")), Outlet: strings.TrimSpace(q.Get("outlet")), Entity: strings.TrimSpace(q.Get("entity"))}
	var err error
	if f.Since, err = timeParam(r, "since"); err != nil {
		return f, err
	}
	if f.Until, err = timeParam(r, "until"); err != nil {
		return f, err
	}
	switch q.Get("sort") {
	case "", "recent":
	case "size":
		f.BySize = true
	default:
		return f, errorf(http.StatusBadRequest, "sort %q: want recent or size", q.Get("sort"))
	}
	f.Limit, f.Offset, err = page(r, 20, 200)
	return f, err
}

// storyPage is one page of a story listing.
type storyPage struct {
	Stories []*model.Story `json:"stories"`
	Total   int            `json:"total"`
	Limit   int            `json:"limit"`
	Offset  int            `json:"offset"`
}

// findStories applies a filter to the cached story list, most recent (or
// largest) first. A query runs a full-text search over the articles and
// keeps the stories of the best 1,000 hits.
func (s *Server) findStories(r *http.Request, f storyFilter) (storyPage, error) {
	rows, err := s.storyList(r.Context())
	if err != nil {
		return storyPage{}, err
	}
	var match map[string]bool
	if f.Query != "" {
		hits, err := s.st.Search(r.Context(), store.SearchQuery{Query: f.Query, Limit: 1000})
		if err != nil {
			return storyPage{}, err
		}
		match = map[string]bool{}
		for _, h := range hits {
			if h.Article.Story != "" {
				match[h.Article.Story] = true
			}
		}
	}
	outlet, entity := fold(f.Outlet), fold(f.Entity)
	var out []*model.Story
	for _, row := range rows {
		switch {
		case match != nil && !match[row.ID],
			outlet != "" && !row.outlets[outlet],
			entity != "" && !row.entities[entity],
			!f.Since.IsZero() && (row.LastSeen.IsZero() || row.LastSeen.Before(f.Since)),
			!f.Until.IsZero() && (row.FirstSeen.IsZero() || row.FirstSeen.After(f.Until)):
			continue
		}
		out = append(out, row.Story)
	}
	if f.BySize {
		sortBySize(out)
	}
	p := storyPage{Total: len(out), Limit: f.Limit, Offset: f.Offset, Stories: []*model.Story{}}
	if f.Offset < len(out) {
		p.Stories = out[f.Offset:min(len(out), f.Offset+f.Limit)]
	}
	return p, nil
}

func (s *Server) listStories(w http.ResponseWriter, r *http.Request) error {
	f, err := parseStoryFilter(r)
	if err != nil {
		return err
	}
	p, err := s.findStories(r, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

// getStory answers the brief of one story as JSON.
func (s *Server) getStory(w http.ResponseWriter, r *http.Request) error {
	cb, err := s.brief(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(cb.json)
	return nil
}

// searchHit is one search result.
type searchHit struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Outlet    string    `json:"outlet,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Story     string    `json:"story,omitempty"`
	// Snippet is plain text; Marks are the [start, end) byte ranges of
	// the matched words in it.
	Snippet string   `json:"snippet"`
	Marks   [][2]int `json:"marks"`
	Score   float64  `json:"score"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return errorf(http.StatusBadRequest, "q is required: the words to search for")
	}
	limit, offset, err := page(r, 20, 100)
	if err != nil {
		return err
	}
	hits, err := s.st.Search(r.Context(), store.SearchQuery{Query: q, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	out := struct {
		Query  string      `json:"query"`
		Hits   []searchHit `json:"hits"`
		Limit  int         `json:"limit"`
		Offset int         `json:"offset"`
	}{q, make([]searchHit, 0, len(hits)), limit, offset}
	for _, h := range hits {
		a := h.Article
		text, marks := splitMarks(h.Snippet)
		out.Hits = append(out.Hits, searchHit{ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published,
			Story: a.Story, Snippet: text, Marks: marks, Score: h.Score})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// splitMarks removes the store's match markers from a snippet and returns
// the marked ranges.
func splitMarks(snippet string) (string, [][2]int) {
	var b strings.Builder
	marks := [][2]int{}
	start := -1
	for _, r := range snippet {
		switch string(r) {
		case store.MarkStart:
			start = b.Len()
		case store.MarkEnd:
			if start >= 0 {
				marks = append(marks, [2]int{start, b.Len()})
				start = -1
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), marks
}

func (s *Server) listOutlets(w http.ResponseWriter, r *http.Request) error {
	outs, err := s.st.Outlets(r.Context())
	if err != nil {
		return err
	}
	if outs == nil {
		outs = []store.OutletCount{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"outlets": outs})
	return nil
}

func (s *Server) listFeeds(w http.ResponseWriter, r *http.Request) error {
	feeds, err := s.st.Feeds(r.Context())
	if err != nil {
		return err
	}
	if feeds == nil {
		feeds = []store.Feed{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"feeds": feeds})
	return nil
}

func marshalIndent(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	return append(b, '\n'), nil
}

func sortBySize(list []*model.Story) {
	sort.SliceStable(list, func(i, j int) bool { return list[i].Size > list[j].Size })
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
