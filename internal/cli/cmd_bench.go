package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/sitrep/sitrep/internal/pipeline"
)

func runBench(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-help" || args[0] == "--help" || args[0] == "-h") {
			fmt.Fprintln(env.Stdout, benchHelp)
			return errHelp
		}
		return usagef("which benchmark? (sitrep bench ingest PATH...)")
	}
	switch args[0] {
	case "ingest":
		return benchIngest(ctx, env, args[1:])
	case "copies":
		return benchCopies(ctx, env, args[1:])
	case "cluster":
		return benchCluster(ctx, env, args[1:])
	case "serve":
		return benchServe(ctx, env, args[1:])
	}
	return usagef("unknown benchmark %q (have: ingest, copies, cluster, serve)", args[0])
}

const benchHelp = `Usage: sitrep bench BENCHMARK [flags] PATH...

Benchmarks print their figures, the machine they ran on and the command that
reproduces them. Available:
  ingest   read PATH into a fresh database (text only, no later stages):
           articles/s and peak memory
  copies   copy detection on one core with an index growing to --n articles:
           signatures/s, matches/s, cost per article at 10k, 100k, 1M
  cluster  story assignment on one core as the stream grows to --n articles:
           articles/s, cost per article at 10k, 100k, 1M, peak memory
  serve    the HTTP server over --db under concurrent load: requests/s and
           latency percentiles of the brief (JSON) and the story page`

func benchIngest(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("bench ingest", "sitrep bench ingest [flags] PATH...", `
Ingest PATH into a fresh temporary database (or --db, which must not exist)
and report articles per second and the peak resident memory of the process.
Only reading, parsing and storing are measured: no later stages run.`, "")
	db := fs.String("db", "", "database `file` to create (default: a temporary file, removed after)")
	workers := fs.Int("workers", 0, "parsing workers (default: number of CPUs)")
	batch := fs.Int("batch", 1000, "articles per transaction")
	jsonOut := fs.Bool("json", false, "print the figures as JSON")
	paths, err := fs.parsePaths(env, args, "no input to benchmark")
	if err != nil {
		return err
	}
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "sitrep-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bench.db")
	} else if _, err := os.Stat(path); err == nil {
		return usagef("--db %s exists: the benchmark needs a fresh database", path)
	}
	st, err := openStore(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	failed := 0
	rep, err := pipeline.Ingest(ctx, st, paths, pipeline.Config{
		Workers: *workers, BatchSize: *batch,
		OnError: func(error) { failed++ },
	})
	if err != nil {
		return err
	}
	res := benchResult{
		Benchmark: "ingest", Articles: rep.Articles(), Failed: failed, Seconds: rep.Elapsed.Seconds(),
		PerSecond: rep.PerSecond(), PeakRSSMiB: peakRSSMiB(), Workers: *workers, CPUs: runtime.NumCPU(),
		Platform: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
		Command:  "sitrep bench ingest " + strings.Join(args, " "),
	}
	if *jsonOut {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "ingest: %s articles (%d failed) in %.2fs: %s articles/s, peak RSS %.0f MiB\n",
		thousands(res.Articles), res.Failed, res.Seconds, thousands(int(res.PerSecond)), res.PeakRSSMiB)
	fmt.Fprintf(env.Stdout, "machine: %d CPUs, %s\ncommand: %s\n", res.CPUs, res.Platform, res.Command)
	return nil
}

type benchResult struct {
	Benchmark  string  `json:"benchmark"`
	Articles   int     `json:"articles"`
	Failed     int     `json:"failed"`
	Seconds    float64 `json:"seconds"`
	PerSecond  float64 `json:"articles_per_second"`
	PeakRSSMiB float64 `json:"peak_rss_mib"`
	Workers    int     `json:"workers"`
	CPUs       int     `json:"cpus"`
	Platform   string  `json:"platform"`
	Command    string  `json:"command"`
}
