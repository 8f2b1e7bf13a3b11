package cluster

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/copies/copygen"
	"github.com/sitrep/sitrep/internal/corpustest"
)

// BenchmarkAssign measures Extract plus Assign per article over the stream
// of 'sitrep bench cluster': renamed rounds of Reuters-21578, one article
// every 30 s, online (document frequencies counted as it goes).
func BenchmarkAssign(b *testing.B) {
	f, err := os.Open(corpustest.Shared(b, "corpus/reuters21578.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<24)
	var docs []Doc
	for sc.Scan() {
		var r struct{ ID, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Doc{ID: r.ID, Title: r.Title, Text: r.Text})
	}
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Title + "\n" + d.Text
	}
	r := copygen.NewRenamer(texts)
	stream := make([]Doc, min(b.N, 4*len(docs)))
	for i := range stream {
		d := docs[i%len(docs)]
		round := i / len(docs)
		stream[i] = Doc{ID: fmt.Sprintf("%s/%d", d.ID, round), Title: r.Text(d.Title, round), Text: r.Text(d.Text, round)}
	}
	p := DefaultParams()
	a := NewAssigner(p)
	a.DatedStream()
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := range b.N {
		d := stream[i%len(stream)]
		d.Published = start.Add(time.Duration(i) * 30 * time.Second)
		a.Assign(d, Extract(d.Title, d.Text, p))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
