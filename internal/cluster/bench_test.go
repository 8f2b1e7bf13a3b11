package cluster

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpustest"
)

// BenchmarkAssign measures Extract plus Assign per article over the
// Reuters-21578 stream, online (document frequencies counted as it goes).
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
	p := DefaultParams()
	a := NewAssigner(p)
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := range b.N {
		d := docs[i%len(docs)]
		d.ID += "/" + string(rune('a'+i/len(docs)%26))
		d.Published = start.Add(time.Duration(i) * 30 * time.Second)
		a.Assign(d, Extract(d.Title, d.Text, p))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
