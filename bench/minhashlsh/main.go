// Command minhashlsh compares sitrep's copy detection with an established
// MinHash LSH implementation, github.com/ekzhu/minhash-lsh, in one run on
// the same documents: the labelled copy set that sitrep's tests generate
// from Reuters-21578 and BBC articles (see internal/copies/copygen). Both
// read the same word 5-shingles; the library finds candidates by LSH and
// links a document to the earlier one with the highest estimated Jaccard
// similarity at or above its threshold. It prints signatures and queries
// per second on one core, and precision, recall and F1 of the copy links. It
// lives in its own module so that sitrep does not depend on the library.
//
//	cd bench/minhashlsh && go run . ../../../shared/corpus
package main

import (
	"context"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	minhashlsh "github.com/ekzhu/minhash-lsh"

	"github.com/sitrep/sitrep/internal/copies"
	"github.com/sitrep/sitrep/internal/copies/copygen"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/words"
)

func main() {
	perKind := flag.Int("per-kind", 300, "generated documents of each kind")
	numHash := flag.Int("hashes", 128, "MinHash values per document for the library")
	thresholds := []float64{0.1, 0.2, 0.3, 0.5, 0.7}
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: minhashlsh [flags] CORPUS_DIR (holding bbc.jsonl.gz and reuters21578.jsonl.gz)")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	set, err := generated(flag.Arg(0), *perKind)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	runtime.GOMAXPROCS(1)
	p := copies.DefaultParams()
	fmt.Printf("%d documents (%d generated per kind), one core, %s %s/%s\n\n", len(set), *perKind, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Println("method                                     signatures/s  queries/s   precision  recall  F1")
	report("sitrep copies (default parameters)", set, p, sitrep(set, p))
	sigs, took := librarySignatures(set, p, *numHash)
	for _, th := range thresholds {
		t := library(set, sigs, th)
		t.sign = took
		report(fmt.Sprintf("ekzhu/minhash-lsh (%d hashes, J >= %.1f)", *numHash, th), set, p, t)
	}
	fmt.Println("\nrecall counts the exact, boilerplate, truncated, reprint and edited copies linked to their source;")
	fmt.Println("precision counts every link, as internal/copies/copygen scores it.")
}

// generated builds the labelled set as TestGeneratedSetTargets does.
func generated(dir string, perKind int) ([]copygen.Doc, error) {
	ctx := context.Background()
	b, err := copygen.Load(ctx, []string{filepath.Join(dir, "bbc.jsonl.gz")}, 60)
	if err != nil {
		return nil, err
	}
	r, err := copygen.Load(ctx, []string{filepath.Join(dir, "reuters21578.jsonl.gz")}, 60)
	if err != nil {
		return nil, err
	}
	if len(r) < 6000 {
		return nil, fmt.Errorf("%s: want at least 6,000 Reuters-21578 articles of 60 words, have %d", dir, len(r))
	}
	return copygen.Generate(append(b, r[:4000]...), r[4000:6000], perKind, 1), nil
}

// timed is one method's results with its two timings.
type timed struct {
	results     []copies.Result
	sign, query time.Duration
}

// sitrep runs sitrep's index online, in publication order, as Detect does.
func sitrep(set []copygen.Doc, p copies.Params) timed {
	var t timed
	t.results = make([]copies.Result, len(set))
	ix := copies.NewIndex(p)
	var byNum []int
	for _, i := range order(set) {
		t0 := time.Now()
		s := copies.Sign(set[i].Text, p)
		t1 := time.Now()
		m := ix.Match(s)
		ix.Add(s, m)
		t.query += time.Since(t1)
		t.sign += t1.Sub(t0)
		if m.Of >= 0 {
			t.results[i] = copies.Result{CopyOf: set[byNum[m.Of]].ID, Via: set[byNum[m.Via]].ID, Type: m.Type, Similarity: m.Similarity}
		}
		byNum = append(byNum, i)
	}
	return t
}

// librarySignatures signs every document with the library's MinHash over
// the same shingles sitrep reads, and says how long that took.
func librarySignatures(set []copygen.Doc, p copies.Params, numHash int) ([][]uint64, time.Duration) {
	sigs := make([][]uint64, len(set))
	t0 := time.Now()
	for i, d := range set {
		mh := minhashlsh.NewMinhash(1, numHash)
		for _, sh := range shingles(d.Text, p) {
			mh.Push(sh)
		}
		sigs[i] = mh.Signature()
	}
	return sigs, time.Since(t0)
}

// library builds the library's LSH index (a batch index: keys are
// searchable once Index is called), then queries each document in
// publication order and links it to the earlier candidate with the highest
// estimated Jaccard similarity at or above the threshold, resolving chains
// to the original. The query time includes building the index.
func library(set []copygen.Doc, sigs [][]uint64, threshold float64) timed {
	var t timed
	t.results = make([]copies.Result, len(set))
	t1 := time.Now()
	lsh := minhashlsh.NewMinhashLSH64(len(sigs[0]), threshold)
	for i := range set {
		lsh.Add(i, sigs[i])
	}
	lsh.Index()
	seq := order(set)
	rank := make([]int, len(set))
	for r, i := range seq {
		rank[i] = r
	}
	root := make([]int, len(set))
	for _, i := range seq {
		root[i] = i
		best, bestJ := -1, threshold
		for _, c := range lsh.Query(sigs[i]) {
			j := c.(int)
			if rank[j] >= rank[i] {
				continue
			}
			if est := jaccard(sigs[i], sigs[j]); est > bestJ || est == bestJ && (best < 0 || rank[j] < rank[best]) {
				best, bestJ = j, est
			}
		}
		if best >= 0 {
			root[i] = root[best]
			t.results[i] = copies.Result{CopyOf: set[root[best]].ID, Via: set[best].ID, Type: copies.Near, Similarity: bestJ}
		}
	}
	t.query = time.Since(t1)
	return t
}

// shingles returns the word k-shingles of text as the library hashes them:
// the 64-bit hashes of k consecutive lower-cased words, as bytes.
func shingles(text string, p copies.Params) [][]byte {
	hs := words.Hashes(nil, text)
	if len(hs) < p.MinWords {
		return nil
	}
	k := min(p.ShingleWords, len(hs))
	var out [][]byte
	for i := 0; i+k <= len(hs); i++ {
		b := make([]byte, 0, 8*k)
		for _, h := range hs[i : i+k] {
			b = binary.LittleEndian.AppendUint64(b, h)
		}
		out = append(out, b)
	}
	return out
}

func jaccard(a, b []uint64) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// order is publication order, as Detect matches in.
func order(set []copygen.Doc) []int {
	times := make([]time.Time, len(set))
	for i, d := range set {
		times[i] = d.Published
	}
	return model.Chronological(times)
}

// report prints one method's line: speed, precision of all links, recall of
// the copy kinds and their F1.
func report(name string, set []copygen.Doc, p copies.Params, t timed) {
	rep := copygen.Score(set, t.results, p)
	found, total := 0, 0
	for _, k := range rep.Kinds {
		switch k.Kind {
		case copygen.KindExact, copygen.KindBoilerplate, copygen.KindTruncated, copygen.KindReprint, copygen.KindEdited:
			found += k.Found
			total += k.Total
		}
	}
	prec := rep.Precision()
	rec := float64(found) / float64(total)
	f1 := 0.0
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	n := float64(len(set))
	fmt.Printf("%-42s %-13.0f %-11.0f %-10.4f %-7.4f %.4f\n", name, n/t.sign.Seconds(), n/t.query.Seconds(), prec, rec, f1)
	kinds := make([]string, 0, len(rep.Kinds))
	for _, k := range rep.Kinds {
		kinds = append(kinds, fmt.Sprintf("%s %d/%d", k.Kind, k.Found, k.Total))
	}
	sort.Strings(kinds)
	fmt.Printf("  by kind: %v\n", kinds)
}
