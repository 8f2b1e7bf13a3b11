package annotate

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpustest"
)

// realTexts reads up to n article texts from a shared JSONL corpus.
func realTexts(t testing.TB, rel string, n int) []string {
	t.Helper()
	f, err := os.Open(corpustest.Shared(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(rel, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = gz
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	var out []string
	for sc.Scan() && len(out) < n {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s:%d: %v", rel, len(out)+1, err)
		}
		out = append(out, rec.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestKeyedScanMatchesFullScan checks that running the patterns only
// around their key words finds exactly what a scan of the whole text finds,
// on real news and on texts made to stress the cuts.
func TestKeyedScanMatchesFullScan(t *testing.T) {
	texts := []string{
		"'90s", "May 2019", "2019%", "in the 1990s and the '80s", "3 p.m.", "about 3,000 to 2,500 troops",
		"Late in the start of the same day, the Jan. 3 anniversary; 7/8/07.",
		"The Wall Street Journal's Jane Doe and John Roe contributed reporting. (Reuters) contributed",
		strings.Repeat("word ", 40) + "on Friday" + strings.Repeat(" word", 40) + " last year",
	}
	n := 1 // 4,491 texts; a tenth of them under the race detector
	if raceDetector {
		n = 10
	}
	texts = append(texts, realTexts(t, "corpus/reuters21578.jsonl.gz", 3000/n)...)
	texts = append(texts, realTexts(t, "corpus/bbc.jsonl.gz", 500/n)...)
	texts = append(texts, realTexts(t, "corpus/ecbplus.jsonl", 1000/n)...)
	anchor := time.Date(2020, 12, 2, 0, 0, 0, 0, time.UTC)
	known := []string{"The Daily Ledger", "Harbour Wire"}
	type result struct {
		T []Timex
		Q []Quantity
		C []Credit
	}
	run := func(text string) result {
		w := wordsOf(text)
		tx := findTimexes(w, anchor)
		return result{tx, findQuantities(w, tx), findCredits(w, "", known)}
	}
	diffs := 0
	for i, text := range texts {
		fast := run(text)
		fullScan = true
		full := run(text)
		fullScan = false
		if !reflect.DeepEqual(fast, full) {
			diffs++
			if diffs <= 5 {
				t.Errorf("text %d: keyed scan\n%+v\nfull scan\n%+v", i, fast, full)
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d texts differ", diffs, len(texts))
	}
}

// BenchmarkAnnotateReuters annotates the Reuters-21578 reports one after
// another on one core: sentences, entities, quotes, credits, dates and
// figures.
func BenchmarkAnnotateReuters(b *testing.B) {
	texts := realTexts(b, "corpus/reuters21578.jsonl.gz", 1<<30)
	anchor := time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
	bytes := 0
	for _, t := range texts {
		bytes += len(t)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Annotate(t, anchor, "Reuters")
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// FuzzKeyedScan: on any text, the keyed scan finds what a scan of the
// whole text finds.
func FuzzKeyedScan(f *testing.F) {
	f.Add("About 3,000 to 2,500 troops left on Friday, Jan. 3, 2020, the '80s; (Reuters) contributed. told CNN")
	f.Add("often two soldiers; more than £150m in the 1990s at 3 p.m. until at least Wednesday")
	anchor := time.Date(2020, 12, 2, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		run := func() (any, any, any) {
			w := wordsOf(text)
			tx := findTimexes(w, anchor)
			return tx, findQuantities(w, tx), findCredits(w, "", []string{"The Daily Ledger"})
		}
		t1, q1, c1 := run()
		fullScan = true
		t2, q2, c2 := run()
		fullScan = false
		if !reflect.DeepEqual(t1, t2) || !reflect.DeepEqual(q1, q2) || !reflect.DeepEqual(c1, c2) {
			t.Errorf("keyed scan differs on %q:\n%+v %+v %+v\nfull:\n%+v %+v %+v", text, t1, q1, c1, t2, q2, c2)
		}
	})
}
