package server

import (
	"context"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/brief"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store"
)

// analyser re-runs copy detection and clustering over the store after
// writes, in one background goroutine: requests that arrive while a run is
// going coalesce into the next run. Generations count finished runs.
type analyser struct {
	s         *Server
	mu        sync.Mutex
	requested uint64 // requests so far
	done      uint64 // the request number the last finished run covered
	gen       uint64 // finished runs
	running   bool
	last      pipeline.AnalyseReport
	lastErr   string
	changed   chan struct{} // closed and replaced when a run finishes
}

func newAnalyser(s *Server) *analyser {
	return &analyser{s: s, changed: make(chan struct{})}
}

// request asks for a run covering everything written so far and returns a
// ticket for wait.
func (a *analyser) request() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.requested++
	if !a.running {
		a.running = true
		go a.loop()
	}
	return a.requested
}

func (a *analyser) loop() {
	for {
		a.mu.Lock()
		if a.done >= a.requested {
			a.running = false
			a.mu.Unlock()
			return
		}
		target := a.requested
		a.mu.Unlock()

		start := time.Now()
		rep, _, err := pipeline.AnalyseStore(context.Background(), a.s.st, a.s.opt.Workers)
		a.s.metrics.stage("analyse", time.Since(start))
		a.mu.Lock()
		a.done = target
		a.gen++
		a.last = rep
		a.lastErr = ""
		if err != nil {
			a.lastErr = err.Error()
			a.s.metrics.count("sitrep_analysis_errors_total", 1)
			a.s.log.Error("analysis failed", "err", err)
		} else {
			a.s.log.Info("analysed", "articles", rep.Articles, "stories", rep.Stories, "copies", rep.Copies, "ms", time.Since(start).Milliseconds())
		}
		close(a.changed)
		a.changed = make(chan struct{})
		a.mu.Unlock()
	}
}

// wait blocks until the run covering ticket has finished or ctx ends.
func (a *analyser) wait(ctx context.Context, ticket uint64) error {
	for {
		a.mu.Lock()
		if a.done >= ticket {
			a.mu.Unlock()
			return nil
		}
		ch := a.changed
		a.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func (a *analyser) generation() uint64 {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.gen
}

// analysisState is what /healthz says of the analysis.
type analysisState struct {
	Running  bool   `json:"running"`
	Runs     uint64 `json:"runs"`
	Articles int    `json:"articles"`
	Stories  int    `json:"stories"`
	Copies   int    `json:"copies"`
	Error    string `json:"error,omitempty"`
}

func (a *analyser) state() analysisState {
	a.mu.Lock()
	defer a.mu.Unlock()
	return analysisState{Running: a.running, Runs: a.gen, Articles: a.last.Articles, Stories: a.last.Stories, Copies: a.last.Copies, Error: a.lastErr}
}

// cachedBrief is a story's brief and its JSON, built once per analysis.
type cachedBrief struct {
	once  sync.Once
	story *model.Story
	brief *brief.Brief
	json  []byte
	err   error

	pageOnce sync.Once
	page     []byte // the story page, rendered once: it is the same for every reader
	pageErr  error
}

// storyRow is a story in the cached list, with what the filters need.
type storyRow struct {
	*model.Story
	outlets  map[string]bool
	entities map[string]bool
}

// cacheTTL bounds how long cached stories and briefs are kept, so that
// what another process (a 'sitrep ingest' beside the server) writes to the
// store shows within a minute.
const cacheTTL = time.Minute

// freshen drops the caches when an analysis has finished since they were
// filled, or when they are older than cacheTTL. s.mu must be held.
func (s *Server) freshen() {
	gen := s.an.generation()
	if s.cacheAt != gen || s.briefs == nil || time.Since(s.cacheBorn) > cacheTTL {
		s.cacheAt, s.cacheBorn = gen, time.Now()
		s.briefs = map[string]*cachedBrief{}
		s.stories = nil
	}
}

// brief returns the brief of a stored story, built at most once per
// analysis generation however many requests ask at the same time.
func (s *Server) brief(ctx context.Context, id string) (*cachedBrief, error) {
	s.mu.Lock()
	s.freshen()
	cb := s.briefs[id]
	if cb == nil {
		cb = &cachedBrief{}
		s.briefs[id] = cb
	}
	s.mu.Unlock()
	cb.once.Do(func() {
		start := time.Now()
		story, arts, err := pipeline.StoryArticles(context.WithoutCancel(ctx), s.st, id)
		if err != nil {
			cb.err = err
			return
		}
		cb.story, cb.brief = story, brief.Build(arts)
		cb.json, cb.err = marshalIndent(cb.brief)
		s.metrics.stage("brief", time.Since(start))
	})
	if cb.err != nil {
		s.mu.Lock()
		if s.briefs[id] == cb { // a miss or a failure is not kept
			delete(s.briefs, id)
		}
		s.mu.Unlock()
	}
	return cb, cb.err
}

// storyList returns every story, most recently seen first, cached per
// analysis generation.
func (s *Server) storyList(ctx context.Context) ([]*storyRow, error) {
	s.mu.Lock()
	s.freshen()
	rows, born := s.stories, s.cacheBorn
	s.mu.Unlock()
	if rows != nil {
		return rows, nil
	}
	list, err := s.st.Stories(ctx, store.StoryQuery{Limit: 1 << 30})
	if err != nil {
		return nil, err
	}
	rows = make([]*storyRow, len(list))
	for i, st := range list {
		r := &storyRow{Story: st, outlets: map[string]bool{}, entities: map[string]bool{}}
		for _, o := range st.Outlets {
			r.outlets[fold(o)] = true
		}
		for _, e := range st.Entities {
			r.entities[fold(e)] = true
		}
		rows[i] = r
	}
	s.mu.Lock()
	if s.stories == nil && s.cacheBorn == born { // not for a newer cache
		s.stories = rows
	}
	s.mu.Unlock()
	return rows, nil
}
