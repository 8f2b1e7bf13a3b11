package cli

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/copies"
	"github.com/sitrep/sitrep/internal/copies/copygen"
)

func benchCopies(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("bench copies", "sitrep bench copies [flags] PATH...", `
Measure copy detection on one core: signatures per second, and match plus
index insertion per second as the index grows to --n articles. The stream is
the articles of PATH, then more rounds of them until --n (see --stream).
As in 'sitrep cluster', articles are signed a batch at a time (4,096), then
matched and indexed in order; making the stream is not timed.
Prints the cost per article at each power of ten, the index's memory per
article and the peak resident memory.

The index grows as the stream comes. With --reserve it is sized for --n
articles before the stream starts, as 'sitrep cluster' sizes it for its
whole batch (the keys per article estimated from the input): the tables'
memory is then all first touched in the first rows.`, "")
	n := fs.Int("n", 1_000_000, "articles to index")
	reserve := fs.Bool("reserve", false, "size the index for --n articles up front")
	stream := addStreamFlag(fs)
	jsonOut := fs.Bool("json", false, "print the figures as JSON")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the measured work to `FILE` (read it with go tool pprof)")
	paths, err := fs.parsePaths(env, args, "no input to benchmark")
	if err != nil {
		return err
	}
	base, err := copygen.Load(ctx, paths, 0)
	if err != nil {
		return err
	}
	if len(base) == 0 {
		return fmt.Errorf("no articles in %s", strings.Join(paths, " "))
	}
	round, err := streamRounds(*stream, base)
	if err != nil {
		return err
	}
	p := copies.DefaultParams()
	ix := copies.NewIndex(p)
	if *reserve {
		reserveFor(ix, base, *n, p)
	}
	var (
		signTime, matchTime time.Duration
		copiesFound         int
		points              []benchPoint
		lastMatch           time.Duration
		lastN               int
	)
	if *profile != "" {
		stop, err := startCPUProfile(*profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	next := 10_000
	batch := make([]string, 0, benchBatch)
	sigs := make([]*copies.Signature, benchBatch)
	for i := 0; i < *n; {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// As in Detect, a batch is signed, then matched and indexed in
		// order; only the two phases are timed, not making the stream.
		batch = batch[:0]
		for j := i; j < *n && len(batch) < benchBatch && (len(batch) == 0 || j%next != 0); j++ {
			batch = append(batch, round(base[j%len(base)].Text, j/len(base)))
		}
		t0 := time.Now()
		for j, text := range batch {
			sigs[j] = copies.Sign(text, p)
		}
		t1 := time.Now()
		for _, sig := range sigs[:len(batch)] {
			m := ix.Match(sig)
			ix.Add(sig, m)
			if m.Of >= 0 {
				copiesFound++
			}
		}
		signTime += t1.Sub(t0)
		matchTime += time.Since(t1)
		i += len(batch)
		if i == next || i == *n {
			points = append(points, benchPoint{
				Indexed:          i,
				MatchMicros:      float64((matchTime - lastMatch).Microseconds()) / float64(i-lastN),
				IndexBytesPerDoc: float64(ix.Bytes()) / float64(i),
			})
			lastMatch, lastN = matchTime, i
			next *= 10
		}
	}
	res := copiesBench{
		Articles: *n, Copies: copiesFound,
		SignaturesPerSec: float64(*n) / signTime.Seconds(),
		MatchesPerSec:    float64(*n) / matchTime.Seconds(),
		PerCorePerSec:    float64(*n) / (signTime + matchTime).Seconds(),
		Curve:            points, PeakRSSMiB: peakRSSMiB(),
		Platform: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
		Command:  "sitrep bench copies " + strings.Join(args, " "),
	}
	if *jsonOut {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "copies: %s articles on one core: %s signatures/s, %s match+insert/s, %s articles/s together; %s matched as copies\n",
		thousands(res.Articles), thousands(int(res.SignaturesPerSec)), thousands(int(res.MatchesPerSec)), thousands(int(res.PerCorePerSec)), thousands(res.Copies))
	fmt.Fprintln(env.Stdout, "indexed     match+insert µs/article (since previous row)   index bytes/article")
	for _, pt := range points {
		fmt.Fprintf(env.Stdout, "%-11s %-46.2f %.0f\n", thousands(pt.Indexed), pt.MatchMicros, pt.IndexBytesPerDoc)
	}
	fmt.Fprintf(env.Stdout, "peak RSS %.0f MiB; %s\ncommand: %s\n", res.PeakRSSMiB, res.Platform, res.Command)
	return nil
}

// benchBatch is how many articles 'bench copies' signs before it matches
// them.
const benchBatch = 4096

// reserveFor sizes ix for n articles with the keys per article of base.
func reserveFor(ix *copies.Index, base []copygen.Article, n int, p copies.Params) {
	samples, sentences := 0, 0
	for _, a := range base {
		s := copies.Sign(a.Text, p)
		samples += len(s.Sample)
		sentences += len(s.Keys)
	}
	perDoc := float64(n) / float64(len(base))
	ix.Reserve(n, int(float64(samples)*perDoc), int(float64(sentences)*perDoc))
}

type benchPoint struct {
	Indexed          int     `json:"indexed"`
	MatchMicros      float64 `json:"match_us_per_article"`
	IndexBytesPerDoc float64 `json:"index_bytes_per_article"`
}

type copiesBench struct {
	Articles         int          `json:"articles"`
	Copies           int          `json:"copies"`
	SignaturesPerSec float64      `json:"signatures_per_second"`
	MatchesPerSec    float64      `json:"matches_per_second"`
	PerCorePerSec    float64      `json:"articles_per_second_per_core"`
	Curve            []benchPoint `json:"curve"`
	PeakRSSMiB       float64      `json:"peak_rss_mib"`
	Platform         string       `json:"platform"`
	Command          string       `json:"command"`
}

// startCPUProfile writes a CPU profile to path until the returned function
// is called.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// addStreamFlag adds --stream, how a benchmark makes a stream longer than
// its input.
func addStreamFlag(fs *flagSet) *string {
	return fs.String("stream", "renamed", `how rounds after the first are made from the input:
'renamed': every content word becomes another word of about the same corpus
frequency, so each round is new texts with the input's lengths, vocabulary
and word frequencies, its own repeats and rewrites still copies within the round;
'edited': every seventh word replaced by a token of the round, so every
round nearly repeats every story (a worst case: each story gains a
near-variant per round)`)
}

// streamRounds returns the function giving an input text as a round of the
// named stream has it.
func streamRounds(kind string, base []copygen.Article) (func(text string, round int) string, error) {
	switch kind {
	case "renamed":
		texts := make([]string, len(base))
		for i, a := range base {
			texts[i] = a.Text
		}
		r := copygen.NewRenamer(texts)
		return r.Text, nil
	case "edited":
		return edited, nil
	}
	return nil, fmt.Errorf("--stream %q: want renamed or edited", kind)
}

// edited returns text unchanged for round 0, else with every seventh word
// (offset by the round) replaced by a token unique to the round.
func edited(text string, round int) string {
	if round == 0 {
		return text
	}
	ws := strings.Fields(text)
	for i := round % 7; i < len(ws); i += 7 {
		ws[i] = fmt.Sprintf("v%dw%d", round, i)
	}
	return strings.Join(ws, " ")
}
