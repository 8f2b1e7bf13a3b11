package extract

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"github.com/sitrep/sitrep/internal/metric"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
)

// PageScore is the extraction score of one benchmark page.
type PageScore struct {
	Key       string  `json:"key"`
	URL       string  `json:"url"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Err       string  `json:"error,omitempty"`
}

// EvalReport is the benchmark's metric over a set of pages: precision and
// recall of word 4-gram shingles averaged over pages, and F1 of the two
// averages, as scrapinghub/article-extraction-benchmark computes them.
type EvalReport struct {
	Pages       int         `json:"pages"`
	Precision   float64     `json:"precision"`
	Recall      float64     `json:"recall"`
	F1          float64     `json:"f1"`
	PagesPerSec float64     `json:"pages_per_second"`
	Scores      []PageScore `json:"scores"` // worst F1 first
}

// ShingleScore is the precision and recall of the word 4-gram multiset of
// pred against that of truth. Two empty texts agree fully.
func ShingleScore(truth, pred string) (precision, recall float64) {
	t, p := shingles(truth), shingles(pred)
	tp, fp, fn := 0, 0, 0
	for k, n := range p {
		m := min(n, t[k])
		tp += m
		fp += n - m
	}
	for k, n := range t {
		fn += max(0, n-p[k])
	}
	if fp == 0 && fn == 0 {
		return 1, 1
	}
	if tp+fp > 0 {
		precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		recall = float64(tp) / float64(tp+fn)
	}
	return precision, recall
}

// shingles counts the word 4-grams of s; words are runs of letters, digits
// and underscores (the benchmark's \w+). A text of fewer than four words is
// one shingle.
func shingles(s string) map[string]int {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
	out := make(map[string]int, len(words))
	for i := 0; i < max(1, len(words)-3); i++ {
		if sh := strings.Join(words[i:min(len(words), i+4)], " "); sh != "" {
			out[sh]++
		}
	}
	return out
}

// EvalDir runs HTML on every page of a benchmark directory laid out as
// scrapinghub/article-extraction-benchmark: ground-truth.json mapping a key
// to {"articleBody", "url"}, and html/KEY.html.gz. body chooses what of an
// extracted article is compared with articleBody.
func EvalDir(dir string, body func(*Article) string) (*EvalReport, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "ground-truth.json"), err)
	}
	keys := make([]string, 0, len(truth))
	for k := range truth {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pages := make([][]byte, len(keys))
	for i, k := range keys {
		if pages[i], err = readGzip(filepath.Join(dir, "html", k+".html.gz")); err != nil {
			return nil, err
		}
	}
	rep := &EvalReport{Pages: len(keys)}
	start := time.Now()
	for i, k := range keys {
		ps := PageScore{Key: k, URL: truth[k].URL}
		pred := ""
		if a, err := HTML(pages[i], truth[k].URL); err != nil {
			ps.Err = err.Error()
		} else {
			pred = body(a)
		}
		ps.Precision, ps.Recall = ShingleScore(truth[k].ArticleBody, pred)
		ps.F1 = metric.F1(ps.Precision, ps.Recall)
		rep.Precision += ps.Precision
		rep.Recall += ps.Recall
		rep.Scores = append(rep.Scores, ps)
	}
	rep.PagesPerSec = float64(len(keys)) / time.Since(start).Seconds()
	if n := float64(len(keys)); n > 0 {
		rep.Precision /= n
		rep.Recall /= n
	}
	rep.F1 = metric.F1(rep.Precision, rep.Recall)
	sort.SliceStable(rep.Scores, func(i, j int) bool { return rep.Scores[i].F1 < rep.Scores[j].F1 })
	return rep, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}
