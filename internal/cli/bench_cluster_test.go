package cli

import (
	"encoding/json"
	"testing"

	"github.com/sitrep/sitrep/internal/cluster"
)

// TestBenchClusterCurve runs a small stream through bench cluster and
// checks the curve: a row at 10,000 and at the end, each with the postings
// its queries read within the bound the parameters set.
func TestBenchClusterCurve(t *testing.T) {
	r := run(t, "", "bench", "cluster", "--n", "12000", "--json", examples(t))
	if r.code != 0 {
		t.Fatalf("bench cluster: %d %s", r.code, r.stderr)
	}
	var res clusterBench
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	if res.Articles != 12000 || len(res.Curve) != 2 || res.Curve[0].Articles != 10000 || res.Curve[1].Articles != 12000 {
		t.Fatalf("curve %+v for %d articles", res.Curve, res.Articles)
	}
	p := cluster.DefaultParams()
	for _, pt := range res.Curve {
		if pt.Read <= 0 || pt.Read > float64(p.QueryTerms*p.MaxPosting) {
			t.Errorf("%d articles: %.0f postings read per article, want 1 to %d", pt.Articles, pt.Read, p.QueryTerms*p.MaxPosting)
		}
		if pt.Stories <= 0 || pt.Stories > pt.Articles {
			t.Errorf("%d articles: %d stories", pt.Articles, pt.Stories)
		}
	}
}
