package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/store"
)

// loadResult is one load run against one endpoint.
type loadResult struct {
	Endpoint    string  `json:"endpoint"`
	Requests    int     `json:"requests"`
	Errors      int     `json:"errors"`
	Seconds     float64 `json:"seconds"`
	PerSecond   float64 `json:"requests_per_second"`
	P50ms       float64 `json:"p50_ms"`
	P90ms       float64 `json:"p90_ms"`
	P99ms       float64 `json:"p99_ms"`
	MaxMs       float64 `json:"max_ms"`
	Concurrency int     `json:"concurrency"`
}

type serveBench struct {
	Benchmark   string       `json:"benchmark"`
	Articles    int          `json:"articles"`
	Stories     int          `json:"stories"`
	ColdBriefMs float64      `json:"cold_brief_ms_mean"`
	ColdMaxMs   float64      `json:"cold_brief_ms_max"`
	Loads       []loadResult `json:"loads"`
	CPUs        int          `json:"cpus"`
	Platform    string       `json:"platform"`
	Command     string       `json:"command"`
}

func benchServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("bench serve", "sitrep bench serve [flags]", `
Serve the database on a loopback port in this process and load it with
concurrent keep-alive clients: GET /api/stories/{id} (the brief as JSON)
and GET /stories/{id} (the story page), each for --duration, over the
--stories largest stories picked at random. First every brief is built
once (cold: its time is reported); the load then measures the served,
cached path. Prints requests/s, latency percentiles and errors (any
transport failure or status other than 200).`, "  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file` (ingest a corpus first)")
	stories := fs.Int("stories", 200, "load the `n` largest stories")
	conc := fs.Int("concurrency", 32, "concurrent clients")
	dur := fs.Duration("duration", 10*time.Second, "load time per endpoint")
	jsonOut := fs.Bool("json", false, "print the figures as JSON")
	if err := fs.parseNone(env, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Stories(ctx, store.StoryQuery{BySize: true, Limit: *stories})
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return fmt.Errorf("%s has no stories: ingest a corpus first", *db)
	}
	n, _ := st.Count(ctx)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := server.New(st, server.Options{Loopback: true, Logger: slog.New(slog.DiscardHandler)})
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *conc, MaxConnsPerHost: *conc}}

	res := serveBench{Benchmark: "serve", Articles: n, Stories: len(list), CPUs: runtime.NumCPU(),
		Platform: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
		Command:  "sitrep bench serve " + strings.Join(args, " ")}
	var total time.Duration
	for _, s := range list {
		start := time.Now()
		if err := fetchOK(ctx, client, base+"/api/stories/"+url.PathEscape(s.ID)); err != nil {
			return fmt.Errorf("cold brief of %s: %w", s.ID, err)
		}
		d := time.Since(start)
		total += d
		res.ColdMaxMs = max(res.ColdMaxMs, ms(d))
	}
	res.ColdBriefMs = ms(total) / float64(len(list))
	for _, ep := range []struct{ name, prefix string }{{"GET /api/stories/{id}", "/api/stories/"}, {"GET /stories/{id}", "/stories/"}} {
		urls := make([]string, len(list))
		for i, s := range list {
			urls[i] = base + ep.prefix + url.PathEscape(s.ID)
		}
		r := load(ctx, client, urls, *conc, *dur)
		r.Endpoint = ep.name
		res.Loads = append(res.Loads, r)
	}
	if *jsonOut {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "serve: %s articles, %d stories loaded; cold brief %.1f ms mean, %.1f ms max\n",
		thousands(res.Articles), res.Stories, res.ColdBriefMs, res.ColdMaxMs)
	for _, l := range res.Loads {
		fmt.Fprintf(env.Stdout, "%-22s %s requests in %.1fs: %s req/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms, %d errors (%d clients)\n",
			l.Endpoint, thousands(l.Requests), l.Seconds, thousands(int(l.PerSecond)), l.P50ms, l.P90ms, l.P99ms, l.MaxMs, l.Errors, l.Concurrency)
	}
	fmt.Fprintf(env.Stdout, "machine: %d CPUs, %s\ncommand: %s\n", res.CPUs, res.Platform, res.Command)
	return nil
}

func fetchOK(ctx context.Context, c *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// load runs conc closed-loop clients over urls for d and measures every
// request.
func load(ctx context.Context, c *http.Client, urls []string, conc int, d time.Duration) loadResult {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var (
		mu    sync.Mutex
		lats  []time.Duration
		errs  int
		wg    sync.WaitGroup
		start = time.Now()
	)
	for w := range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 1))
			var mine []time.Duration
			bad := 0
			for ctx.Err() == nil {
				t := time.Now()
				err := fetchOK(context.WithoutCancel(ctx), c, urls[rng.IntN(len(urls))])
				if err != nil {
					bad++
					continue
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lats = append(lats, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	el := time.Since(start)
	slices.Sort(lats)
	pct := func(p float64) float64 {
		if len(lats) == 0 {
			return 0
		}
		return ms(lats[min(len(lats)-1, int(p*float64(len(lats))))])
	}
	r := loadResult{Requests: len(lats) + errs, Errors: errs, Seconds: el.Seconds(), Concurrency: conc,
		P50ms: pct(0.50), P90ms: pct(0.90), P99ms: pct(0.99)}
	if len(lats) > 0 {
		r.MaxMs = ms(lats[len(lats)-1])
	}
	r.PerSecond = float64(r.Requests) / el.Seconds()
	return r
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
