package server

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/pipeline"
)

// metrics keeps counters and latency histograms and writes them in the
// Prometheus text format.
type metrics struct {
	mu       sync.Mutex
	counters map[string]map[string]float64 // name -> labels -> value
	hists    map[string]map[string]*histogram
}

// buckets are the histogram bounds in seconds.
var buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60}

type histogram struct {
	counts []uint64 // one per bucket, not cumulative
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{counters: map[string]map[string]float64{}, hists: map[string]map[string]*histogram{}}
}

func (m *metrics) add(name, labels string, v float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.counters[name]
	if c == nil {
		c = map[string]float64{}
		m.counters[name] = c
	}
	c[labels] += v
}

func (m *metrics) count(name string, v float64) { m.add(name, "", v) }

func (m *metrics) observe(name, labels string, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	hs := m.hists[name]
	if hs == nil {
		hs = map[string]*histogram{}
		m.hists[name] = hs
	}
	h := hs[labels]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(buckets))}
		hs[labels] = h
	}
	sec := d.Seconds()
	i := sort.SearchFloat64s(buckets, sec)
	if i < len(buckets) {
		h.counts[i]++
	}
	h.sum += sec
	h.n++
}

func (m *metrics) request(route string, status int, d time.Duration) {
	m.add("sitrep_http_requests_total", fmt.Sprintf(`route=%q,code="%d"`, route, status), 1)
	m.observe("sitrep_http_request_duration_seconds", fmt.Sprintf(`route=%q`, route), d)
}

func (m *metrics) stage(name string, d time.Duration) {
	m.observe("sitrep_stage_duration_seconds", fmt.Sprintf(`stage=%q`, name), d)
}

func (m *metrics) ingested(rep pipeline.Report) {
	for _, o := range []struct {
		name string
		n    int
	}{{"new", rep.New}, {"updated", rep.Updated}, {"unchanged", rep.Unchanged}, {"failed", rep.Failed}} {
		m.add("sitrep_articles_ingested_total", fmt.Sprintf(`outcome=%q`, o.name), float64(o.n))
	}
}

var help = map[string]string{
	"sitrep_http_requests_total":           "HTTP requests by route pattern and status code.",
	"sitrep_http_request_duration_seconds": "HTTP request latency by route pattern.",
	"sitrep_stage_duration_seconds":        "Time spent in pipeline stages: ingest (API writes), poll (one feed), analyse (copies and stories), brief.",
	"sitrep_articles_ingested_total":       "Articles written through the API or the feed poller, by outcome.",
	"sitrep_fetch_errors_total":            "Feed polls that failed.",
	"sitrep_analysis_errors_total":         "Analysis runs that failed.",
	"sitrep_articles":                      "Articles in the store.",
	"sitrep_stories":                       "Stories after the last analysis.",
	"sitrep_feeds":                         "Feeds polled.",
}

func (m *metrics) write(w io.Writer, gauges map[string]float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.counters))
	for n := range m.counters {
		names = append(names, n)
	}
	for _, n := range []string{"sitrep_fetch_errors_total", "sitrep_analysis_errors_total"} {
		if m.counters[n] == nil {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n", n, help[n], n)
		vals := m.counters[n]
		if len(vals) == 0 {
			fmt.Fprintf(w, "%s 0\n", n)
		}
		for _, l := range sortedKeys(vals) {
			fmt.Fprintf(w, "%s%s %s\n", n, braces(l), strconv.FormatFloat(vals[l], 'f', -1, 64))
		}
	}
	gnames := make([]string, 0, len(gauges))
	for n := range gauges {
		gnames = append(gnames, n)
	}
	sort.Strings(gnames)
	for _, n := range gnames {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %s\n", n, help[n], n, n, strconv.FormatFloat(gauges[n], 'f', -1, 64))
	}
	hnames := make([]string, 0, len(m.hists))
	for n := range m.hists {
		hnames = append(hnames, n)
	}
	sort.Strings(hnames)
	for _, n := range hnames {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s histogram\n", n, help[n], n)
		for _, l := range sortedKeys(m.hists[n]) {
			h := m.hists[n][l]
			var cum uint64
			for i, b := range buckets {
				cum += h.counts[i]
				fmt.Fprintf(w, "%s_bucket{%s,le=\"%s\"} %d\n", n, l, strconv.FormatFloat(b, 'f', -1, 64), cum)
			}
			fmt.Fprintf(w, "%s_bucket{%s,le=\"+Inf\"} %d\n", n, l, h.n)
			fmt.Fprintf(w, "%s_sum%s %s\n%s_count%s %d\n", n, braces(l), strconv.FormatFloat(h.sum, 'f', -1, 64), n, braces(l), h.n)
		}
	}
}

func braces(labels string) string {
	if labels == "" {
		return ""
	}
	return "{" + labels + "}"
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	gauges := map[string]float64{}
	if n, err := s.st.Count(r.Context()); err == nil {
		gauges["sitrep_articles"] = float64(n)
	}
	if rows, err := s.storyList(r.Context()); err == nil {
		gauges["sitrep_stories"] = float64(len(rows))
	}
	if feeds, err := s.st.Feeds(r.Context()); err == nil {
		gauges["sitrep_feeds"] = float64(len(feeds))
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w, gauges)
}
