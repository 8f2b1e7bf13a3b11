package server

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/store"
)

// Run polls the stored feeds until ctx ends: every feed that is due is
// read (conditional GET, so an unchanged feed costs one request and adds
// nothing), its new entries go through the pipeline, and stories are
// worked out again when anything changed. A feed that fails waits twice
// as long after each failure, up to MaxBackoff.
func (s *Server) Run(ctx context.Context) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		if _, err := s.PollDue(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("poll", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// PollResult is what one poll of one feed did.
type PollResult struct {
	Feed    string
	New     int
	Updated int
	Err     error
}

// PollDue polls every feed whose time has come, one after another, and
// returns what each did. When any brought new or changed articles, it
// starts an analysis and waits for it.
func (s *Server) PollDue(ctx context.Context) ([]PollResult, error) {
	feeds, err := s.st.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	var out []PollResult
	changed := false
	for _, f := range feeds {
		if ctx.Err() != nil {
			break
		}
		if s.opt.Now().Before(f.NextPoll) {
			continue
		}
		res := s.poll(ctx, f)
		out = append(out, res)
		changed = changed || res.New+res.Updated > 0
	}
	if changed {
		if err := s.an.wait(ctx, s.an.request()); err != nil {
			return out, err
		}
	}
	return out, ctx.Err()
}

func (s *Server) poll(ctx context.Context, f store.Feed) PollResult {
	start := time.Now()
	var errs []string
	cfg := pipeline.Config{Workers: s.opt.Workers, OnError: func(err error) { errs = append(errs, err.Error()) }}
	cfg.Source.Fetch = s.opt.Fetcher.Fetch
	rep, err := pipeline.Ingest(ctx, s.st, []string{f.URL}, cfg)
	if err == nil {
		err = s.opt.Fetcher.Commit(ctx)
	}
	s.metrics.stage("poll", time.Since(start))
	s.metrics.ingested(rep)
	res := PollResult{Feed: f.URL, New: rep.New, Updated: rep.Updated}
	if err == nil && rep.Articles() == 0 && len(errs) > 0 {
		err = errors.New(strings.Join(errs[:min(3, len(errs))], "; "))
	}
	now := s.opt.Now()
	f.LastPolled = now
	f.Articles += rep.New + rep.Updated
	if err != nil {
		res.Err = err
		f.Failures++
		f.LastError = err.Error()
		wait := s.opt.PollInterval << min(f.Failures, 20)
		f.NextPoll = now.Add(min(wait, s.opt.MaxBackoff))
		s.metrics.count("sitrep_fetch_errors_total", 1)
		s.log.Warn("feed failed", "feed", f.URL, "failures", f.Failures, "err", err, "next", f.NextPoll)
	} else {
		f.Failures, f.LastError = 0, ""
		f.NextPoll = now.Add(s.opt.PollInterval)
		s.log.Info("feed polled", "feed", f.URL, "new", rep.New, "updated", rep.Updated, "unchanged", rep.Unchanged, "failed", rep.Failed)
	}
	if uerr := s.st.UpdateFeed(context.WithoutCancel(ctx), f); uerr != nil {
		s.log.Error("record poll", "feed", f.URL, "err", uerr)
	}
	return res
}
