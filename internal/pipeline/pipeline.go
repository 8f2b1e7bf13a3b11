package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/source"
	"github.com/sitrep/sitrep/internal/store"
)

// Stage is one per-article step. Process must be safe for concurrent use and
// may change only the article it is given. An error drops that article and
// is reported with its origin; the rest of the input goes on.
type Stage interface {
	Name() string
	Process(ctx context.Context, a *model.Article) error
}

// Config is the explicit configuration of one ingest run.
type Config struct {
	// Workers is the number of goroutines parsing and running stages
	// (default: GOMAXPROCS).
	Workers int
	// BatchSize is the number of articles written per transaction (1000).
	BatchSize int
	// Stages run in order on every article after it is parsed.
	Stages []Stage
	// Source bounds what the readers accept.
	Source source.Options
	// OnError, if set, receives every input error, in input order.
	OnError func(error)
	// OnProgress, if set, receives a snapshot after every chunk of input.
	OnProgress func(Report)
}

// Report counts what an ingest run did.
type Report struct {
	New       int           `json:"new"`
	Updated   int           `json:"updated"`
	Unchanged int           `json:"unchanged"`
	Failed    int           `json:"failed"`
	Elapsed   time.Duration `json:"elapsed_ns"`
}

// Articles is the number of articles written or confirmed unchanged.
func (r Report) Articles() int { return r.New + r.Updated + r.Unchanged }

// PerSecond is the rate of articles read, failed ones included.
func (r Report) PerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Articles()+r.Failed) / r.Elapsed.Seconds()
}

const chunkSize = 64

type chunk struct {
	items   []source.Item
	results []result
	done    chan struct{}
}

type result struct {
	article *model.Article
	err     error
}

// Ingest reads paths, runs the stages and writes every article to st. Input
// errors are counted and passed to OnError; the returned error is only for
// failures that stop the run (the store, or ctx).
func Ingest(ctx context.Context, st store.Store, paths []string, cfg Config) (Report, error) {
	start := time.Now()
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	batch := cfg.BatchSize
	if batch <= 0 {
		batch = 1000
	}
	cfg.BatchSize = batch
	// Room for two batches of parsed chunks ahead of the writer, so parsing
	// goes on while a batch is being committed.
	jobs := make(chan *chunk, workers)
	order := make(chan *chunk, max(4*workers, 2*batch/chunkSize))
	var readErr error
	go func() {
		defer close(jobs)
		defer close(order)
		readErr = readChunks(ctx, paths, cfg.Source, jobs, order)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range jobs {
				process(ctx, c, cfg.Stages)
			}
		}()
	}
	w := writer{st: st, cfg: cfg, start: start}
	err := w.drain(ctx, order)
	cancel()
	for range order { // let the reader finish if the writer stopped early
	}
	wg.Wait()
	w.report.Elapsed = time.Since(start)
	if err == nil && readErr != nil && !errors.Is(readErr, context.Canceled) {
		err = readErr
	}
	if err == nil {
		err = ctx.Err()
		if errors.Is(err, context.Canceled) {
			err = nil
		}
	}
	return w.report, err
}

func readChunks(ctx context.Context, paths []string, opt source.Options, jobs, order chan<- *chunk) error {
	cur := &chunk{done: make(chan struct{})}
	send := func() error {
		select {
		case order <- cur:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case jobs <- cur:
		case <-ctx.Done():
			return ctx.Err()
		}
		cur = &chunk{done: make(chan struct{})}
		return nil
	}
	err := source.Read(ctx, paths, opt, func(it source.Item) error {
		cur.items = append(cur.items, it)
		if len(cur.items) >= chunkSize || len(it.Data) > 1<<20 {
			return send()
		}
		return nil
	})
	if err == nil && len(cur.items) > 0 {
		err = send()
	}
	return err
}

func process(ctx context.Context, c *chunk, stages []Stage) {
	defer close(c.done)
	c.results = make([]result, len(c.items))
	for i, it := range c.items {
		a, err := source.Parse(it)
		for _, s := range stages {
			if err != nil {
				break
			}
			if err = s.Process(ctx, a); err != nil {
				err = fmt.Errorf("%s: %s: %w", it.Origin, s.Name(), err)
			}
		}
		c.results[i] = result{article: a, err: err}
		c.items[i].Data = nil
	}
}

// writer takes chunks in input order and writes them in batches.
type writer struct {
	st     store.Store
	cfg    Config
	start  time.Time
	batch  []*model.Article
	report Report
}

func (w *writer) drain(ctx context.Context, order <-chan *chunk) error {
	size := w.cfg.BatchSize
	for c := range order {
		select {
		case <-c.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		for _, r := range c.results {
			if r.err != nil {
				w.report.Failed++
				if w.cfg.OnError != nil {
					w.cfg.OnError(r.err)
				}
				continue
			}
			w.batch = append(w.batch, r.article)
			if len(w.batch) >= size {
				if err := w.flush(ctx); err != nil {
					return err
				}
			}
		}
		if w.cfg.OnProgress != nil {
			snap := w.report
			snap.Elapsed = time.Since(w.start)
			w.cfg.OnProgress(snap)
		}
	}
	return w.flush(ctx)
}

func (w *writer) flush(ctx context.Context) error {
	if len(w.batch) == 0 {
		return nil
	}
	outcomes, err := w.st.PutArticles(ctx, w.batch)
	if err != nil {
		return err
	}
	for _, o := range outcomes {
		switch o {
		case store.New:
			w.report.New++
		case store.Updated:
			w.report.Updated++
		case store.Unchanged:
			w.report.Unchanged++
		}
	}
	w.batch = w.batch[:0]
	return nil
}

// DefaultPublished is a stage that dates articles that carry no
// publication time (plain text files, say) with t, so that relative dates
// in them resolve.
func DefaultPublished(t time.Time) Stage { return defaultPublished{t.UTC()} }

type defaultPublished struct{ t time.Time }

func (defaultPublished) Name() string { return "published" }

func (d defaultPublished) Process(_ context.Context, a *model.Article) error {
	if a.Published.IsZero() {
		a.Published = d.t
		a.Hash = a.ContentHash()
	}
	return nil
}
