// Command extractors compares HTML main-text libraries on an
// article-extraction benchmark laid out as
// scrapinghub/article-extraction-benchmark, with the benchmark's metric
// (word 4-gram shingle precision and recall averaged over pages, F1 of the
// averages, as sitrep's extract.ShingleScore computes them). It lives in its
// own module so that sitrep does not depend on the libraries it rejected.
//
//	cd bench/extractors && go run . ../../../shared/corpus/extraction
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	nurl "net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"

	"github.com/sitrep/sitrep/internal/extract"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: extractors BENCHMARK_DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	var gt map[string]struct{ ArticleBody, URL string }
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err == nil {
		err = json.Unmarshal(b, &gt)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	keys := make([]string, 0, len(gt))
	pages := map[string][]byte{}
	for k := range gt {
		keys = append(keys, k)
		f, err := os.Open(filepath.Join(dir, "html", k+".html.gz"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		z, _ := gzip.NewReader(f)
		pages[k], _ = io.ReadAll(z)
		f.Close()
	}
	sort.Strings(keys)
	extractors := []struct {
		name string
		run  func(page []byte, u *nurl.URL) string
	}{
		{"go-trafilatura v1.12.2, fallback on", func(page []byte, u *nurl.URL) string {
			res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u, EnableFallback: true, ExcludeComments: true})
			if err != nil {
				return ""
			}
			return res.ContentText
		}},
		{"go-trafilatura v1.12.2, fallback off", func(page []byte, u *nurl.URL) string {
			res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u, ExcludeComments: true})
			if err != nil {
				return ""
			}
			return res.ContentText
		}},
		{"readeck go-readability v2.1.3", func(page []byte, u *nurl.URL) string {
			p := readability.NewParser()
			a, err := p.Parse(bytes.NewReader(page), u)
			if err != nil {
				return ""
			}
			var w strings.Builder
			a.RenderText(&w)
			return w.String()
		}},
	}
	fmt.Printf("%-38s %7s %7s %7s %9s\n", "extractor", "P", "R", "F1", "pages/s")
	for _, ex := range extractors {
		var sp, sr, spent float64
		for _, k := range keys {
			u, _ := nurl.Parse(gt[k].URL)
			start := time.Now()
			text := ex.run(pages[k], u)
			spent += time.Since(start).Seconds()
			p, r := extract.ShingleScore(gt[k].ArticleBody, text)
			sp += p
			sr += r
		}
		n := float64(len(keys))
		P, R := sp/n, sr/n
		fmt.Printf("%-38s %7.4f %7.4f %7.4f %9.1f\n", ex.name, P, R, 2*P*R/(P+R), n/spent)
	}
}
