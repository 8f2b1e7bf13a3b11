package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/corpustest"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// BenchmarkIngestReuters ingests all of Reuters-21578 into a fresh database
// per iteration and reports articles/s.
func BenchmarkIngestReuters(b *testing.B) {
	input := corpustest.Shared(b, "corpus/reuters21578.jsonl.gz")
	var articles int
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := Ingest(context.Background(), st, []string{input}, Config{})
		if err != nil {
			b.Fatal(err)
		}
		articles += rep.Articles()
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
}
