package cli

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/cluster"
	"github.com/sitrep/sitrep/internal/copies/copygen"
)

func benchCluster(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("bench cluster", "sitrep bench cluster [flags] PATH...", `
Measure story assignment on one core as a stream grows to --n articles: the
articles of PATH, then more rounds of them (see --stream), one every --every
of stream time. Each article's features
are extracted and it is assigned online, with document frequencies counted
as the stream goes (no priming). Prints articles per second for extraction
and assignment, the assignment cost per article at each power of ten with
the index entries (postings) each article's query read, which is the work
that grows while the postings fill, the number of stories and the peak
resident memory.`, "")
	n := fs.Int("n", 1_000_000, "articles in the stream")
	every := fs.Duration("every", 30*time.Second, "stream time between two articles")
	stream := addStreamFlag(fs)
	jsonOut := fs.Bool("json", false, "print the figures as JSON")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the measured work to `FILE` (read it with go tool pprof)")
	paths, err := fs.parsePaths(env, args, "no input to benchmark")
	if err != nil {
		return err
	}
	base, _, err := readArticles(ctx, env, "bench cluster", paths)
	if err != nil {
		return err
	}
	if len(base) == 0 {
		return fmt.Errorf("no articles in %s", strings.Join(paths, " "))
	}
	arts := make([]copygen.Article, len(base))
	for i, b := range base {
		arts[i] = copygen.Article{ID: b.ID, Text: b.Title + "\n" + b.Text}
	}
	round, err := streamRounds(*stream, arts)
	if err != nil {
		return err
	}
	p := cluster.DefaultParams()
	a := cluster.NewAssigner(p)
	a.DatedStream()
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var (
		extractTime, assignTime time.Duration
		points                  []clusterPoint
		lastAssign              time.Duration
		lastN                   int
		lastRead                int64
	)
	if *profile != "" {
		stop, err := startCPUProfile(*profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	next := 10_000
	for i := 0; i < *n; i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		b := base[i%len(base)]
		d := cluster.Doc{ID: fmt.Sprint(i), Published: start.Add(time.Duration(i) * *every), Title: round(b.Title, i/len(base)), Text: round(b.Text, i/len(base))}
		t0 := time.Now()
		f := cluster.Extract(d.Title, d.Text, p)
		t1 := time.Now()
		a.Assign(d, f)
		t2 := time.Now()
		extractTime += t1.Sub(t0)
		assignTime += t2.Sub(t1)
		if i+1 == next || i+1 == *n {
			points = append(points, clusterPoint{
				Articles:     i + 1,
				AssignMicros: float64((assignTime - lastAssign).Microseconds()) / float64(i+1-lastN),
				Read:         float64(a.PostingsRead()-lastRead) / float64(i+1-lastN),
				Stories:      a.Stories(),
			})
			lastAssign, lastN, lastRead = assignTime, i+1, a.PostingsRead()
			next *= 10
		}
	}
	res := clusterBench{
		Articles: *n, Stories: a.Stories(),
		ExtractPerSec: float64(*n) / extractTime.Seconds(),
		AssignPerSec:  float64(*n) / assignTime.Seconds(),
		PerCorePerSec: float64(*n) / (extractTime + assignTime).Seconds(),
		Curve:         points, PeakRSSMiB: peakRSSMiB(),
		Platform: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
		Command:  "sitrep bench cluster " + strings.Join(args, " "),
	}
	if *jsonOut {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "cluster: %s articles on one core: %s extractions/s, %s assignments/s, %s articles/s together; %s stories\n",
		thousands(res.Articles), thousands(int(res.ExtractPerSec)), thousands(int(res.AssignPerSec)), thousands(int(res.PerCorePerSec)), thousands(res.Stories))
	fmt.Fprintln(env.Stdout, "articles    assign µs/article   postings read/article   stories")
	fmt.Fprintln(env.Stdout, "            (both since the previous row)")
	for _, pt := range points {
		fmt.Fprintf(env.Stdout, "%-11s %-19.2f %-23.0f %s\n", thousands(pt.Articles), pt.AssignMicros, pt.Read, thousands(pt.Stories))
	}
	fmt.Fprintf(env.Stdout, "peak RSS %.0f MiB; %s\ncommand: %s\n", res.PeakRSSMiB, res.Platform, res.Command)
	return nil
}

type clusterPoint struct {
	Articles     int     `json:"articles"`
	AssignMicros float64 `json:"assign_us_per_article"`
	Read         float64 `json:"postings_read_per_article"`
	Stories      int     `json:"stories"`
}

type clusterBench struct {
	Articles      int            `json:"articles"`
	Stories       int            `json:"stories"`
	ExtractPerSec float64        `json:"extractions_per_second"`
	AssignPerSec  float64        `json:"assignments_per_second"`
	PerCorePerSec float64        `json:"articles_per_second_per_core"`
	Curve         []clusterPoint `json:"curve"`
	PeakRSSMiB    float64        `json:"peak_rss_mib"`
	Platform      string         `json:"platform"`
	Command       string         `json:"command"`
}
