package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/fetch"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/source"
)

func runIngest(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("ingest", "sitrep ingest [flags] PATH...", `
Read articles into the store. PATH is a file, a directory (read recursively,
hidden entries and OPML feed lists skipped), an http(s) URL, or - for standard input. Formats are
detected by content and extension: JSONL (.jsonl, .ndjson, one article
object per line), a JSON array of articles (.json), plain text (.txt: one
article per file, an optional "Key: value" header block, a headline-like
first line as title), web pages (.html: the main text and its metadata are
extracted), RSS, Atom and JSON feeds (one article per entry), WARC crawl
archives (.warc, HTML responses), OPML feed lists (every feed is fetched),
and any of these gzipped (.gz).

Every body is cleaned: photo captions, video promos, outlet markers,
datelines, rules, contributor lines, sign-offs and prompts leave the text
and are kept with the article (credits, dateline, removed); the outlet is
taken from the URL, else from the text's markers and credits.

URLs are fetched with a 30s timeout, a 16 MB cap, at most 5 redirects and one
request per second per host; the validators of each response (ETag,
Last-Modified) are kept in the database so an unchanged feed is not read
again. Private, loopback and link-local addresses are refused unless
--allow-private.

Articles are keyed by id (given, else from the URL, else from the text), so
ingesting the same input again changes nothing. Every bad record is reported
on stderr with its file and line; the rest is ingested and the exit code is 1.

When anything new or changed was stored, copies and stories are then worked
out again over every stored article (see 'sitrep copies' and 'sitrep
stories'); --no-analyse leaves that for later.`,
		"  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file`")
	workers := fs.Int("workers", 0, "parsing workers (default: number of CPUs)")
	batch := fs.Int("batch", 1000, "articles per transaction")
	jsonOut := fs.Bool("json", false, "print the report as JSON")
	noAnalyse := fs.Bool("no-analyse", false, "do not update copies and stories after ingesting")
	allowPrivate := fs.Bool("allow-private", false, "let URLs reach private, loopback and link-local addresses")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of one fetch")
	published := fs.String("published", "", "publication `time` for articles that carry none (YYYY-MM-DD or RFC 3339)")
	paths, err := fs.parsePaths(env, args, "no input: give a file, a directory or - for stdin")
	if err != nil {
		return err
	}
	var stages []pipeline.Stage
	if *published != "" {
		t, err := source.ParseTime(*published)
		if err != nil {
			return usagef("ingest: --published %q: want YYYY-MM-DD or RFC 3339", *published)
		}
		stages = append(stages, pipeline.DefaultPublished(t))
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	bar := newProgress(env, "ingest")
	cfg := pipeline.Config{
		Workers:    *workers,
		BatchSize:  *batch,
		Stages:     stages,
		OnProgress: bar.update,
		OnError: func(err error) {
			bar.clear()
			fmt.Fprintf(env.Stderr, "sitrep ingest: %v\n", err)
		},
	}
	cfg.Source.Stdin = env.Stdin
	fetcher := fetch.New(*timeout)
	fetcher.AllowPrivate = *allowPrivate
	fetcher.State = st
	cfg.Source.Fetch = fetcher.Fetch
	rep, err := pipeline.Ingest(ctx, st, paths, cfg)
	bar.done()
	if err == nil {
		err = fetcher.Commit(ctx) // only now: what was fetched is stored
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(env.Stderr, "sitrep ingest: stopped; every batch written is complete: run the same command again to finish")
	}
	var analysis *pipeline.AnalyseReport
	if err == nil && rep.New+rep.Updated > 0 && !*noAnalyse {
		ar, _, aerr := pipeline.AnalyseStore(ctx, st, *workers)
		if aerr != nil {
			return aerr
		}
		analysis = &ar
	}
	if err == nil || errors.Is(err, context.Canceled) {
		if perr := printIngestReport(env, rep, analysis, *jsonOut); perr != nil {
			return perr
		}
	}
	if err != nil {
		return err
	}
	if rep.Failed > 0 {
		return errPartial
	}
	return nil
}

func printIngestReport(env *Env, rep pipeline.Report, analysis *pipeline.AnalyseReport, asJSON bool) error {
	if asJSON {
		r := ingestJSON(rep)
		r.Analysis = analysis
		return writeJSON(env.Stdout, r)
	}
	_, err := fmt.Fprintf(env.Stdout, "%d new, %d updated, %d unchanged, %d failed (%s, %s articles/s)\n",
		rep.New, rep.Updated, rep.Unchanged, rep.Failed, rep.Elapsed.Round(time.Millisecond), thousands(int(rep.PerSecond())))
	if err == nil && analysis != nil {
		_, err = fmt.Fprintf(env.Stdout, "%s stories, %s copies among %s stored articles (%s)\n",
			thousands(analysis.Stories), thousands(analysis.Copies), thousands(analysis.Articles), analysis.Elapsed.Round(time.Millisecond))
	}
	return err
}

type ingestReport struct {
	pipeline.Report
	Seconds   float64                 `json:"seconds"`
	PerSecond float64                 `json:"articles_per_second"`
	Analysis  *pipeline.AnalyseReport `json:"analysis,omitempty"`
}

func ingestJSON(r pipeline.Report) ingestReport {
	return ingestReport{Report: r, Seconds: r.Elapsed.Seconds(), PerSecond: r.PerSecond()}
}
