package copies_test

import (
	"context"
	"testing"

	"github.com/sitrep/sitrep/internal/copies"
	"github.com/sitrep/sitrep/internal/copies/copygen"
	"github.com/sitrep/sitrep/internal/corpustest"
)

// reutersTexts reads the Reuters-21578 texts once per benchmark binary.
func reutersTexts(b *testing.B) []string {
	arts, err := copygen.Load(context.Background(), []string{corpustest.Shared(b, "corpus/reuters21578.jsonl.gz")}, 0)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.Text
	}
	return out
}

// BenchmarkSign measures signatures alone on Reuters-21578 articles.
func BenchmarkSign(b *testing.B) {
	texts := reutersTexts(b)
	p := copies.DefaultParams()
	b.ResetTimer()
	for i := range b.N {
		copies.Sign(texts[i%len(texts)], p)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSignMatchAdd measures the whole per-article cost (signature,
// lookup, insertion) over the stream of 'sitrep bench copies' (renamed
// rounds of Reuters-21578), the index growing to b.N.
func BenchmarkSignMatchAdd(b *testing.B) {
	texts := reutersTexts(b)
	r := copygen.NewRenamer(texts)
	stream := make([]string, min(b.N, 4*len(texts)))
	for i := range stream {
		stream[i] = r.Text(texts[i%len(texts)], i/len(texts))
	}
	p := copies.DefaultParams()
	ix := copies.NewIndex(p)
	b.ResetTimer()
	for i := range b.N {
		s := copies.Sign(stream[i%len(stream)], p)
		ix.Add(s, ix.Match(s))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
