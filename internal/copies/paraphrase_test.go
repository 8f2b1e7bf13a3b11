package copies

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/sitrep/sitrep/internal/sorted"
)

// alignPairs is align by its definition: every sentence pair merged.
func alignPairs(a, b *weighed, p Params) (float64, bool) {
	a, b, need, ok := alignable(a, b, p)
	if !ok {
		return 0, false
	}
	n := 0
	for i, x := range a.sets {
		wa, sa := a.at(i)
		for j, y := range b.sets {
			shared := 0.0
			sorted.Common(x, y, func(k, _ int) { shared += wa[k] })
			if _, sb := b.at(j); shared > 0 && 2*shared >= p.SentenceDice*(sa+sb) && figuresAgree(x, y) {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(a.sets)), n >= need
}

// align through the term table decides as the pairwise definition does.
func TestAlignMatchesPairwise(t *testing.T) {
	p := DefaultParams()
	r := rand.New(rand.NewPCG(1, 2))
	text := func(vocab int) [][]uint32 {
		sents := make([][]uint32, 1+r.IntN(maxSentences))
		for i := range sents {
			set := make([]uint32, 4+r.IntN(12))
			for k := range set {
				set[k] = uint32(r.IntN(vocab))
				if r.IntN(5) == 0 {
					set[k] |= numberBit
				}
			}
			slices.Sort(set)
			sents[i] = slices.Compact(set)
		}
		return sents
	}
	df := newDocFreqs()
	for h := range uint32(60) {
		for d := range int32(r.IntN(50)) {
			df.count(h, d)
		}
	}
	w := weigher{logN: 4, df: &df}
	var ts termSentences
	passed := 0
	for range 3000 {
		vocab := 20 + r.IntN(400)
		a, b := text(vocab), text(vocab)
		if r.IntN(2) == 0 { // b rewrites a: some terms of each sentence changed
			b = b[:0]
			for _, set := range a {
				set = slices.Clone(set)
				for k := range set {
					if r.IntN(4) == 0 {
						set[k] = uint32(r.IntN(vocab))
					}
				}
				slices.Sort(set)
				b = append(b, slices.Compact(set))
			}
		}
		wantF, wantOK := alignPairs(w.weigh(a), w.weigh(b), p)
		gotF, gotOK := align(w.weigh(a), w.weigh(b), p, &ts)
		if gotOK != wantOK || gotOK && gotF != wantF {
			t.Fatalf("align = %v %v, pairwise %v %v\na=%v\nb=%v", gotF, gotOK, wantF, wantOK, a, b)
		}
		if wantOK {
			passed++
		}
	}
	if passed < 100 || passed > 2900 {
		t.Errorf("%d of 3000 random pairs align: the test exercises too little", passed)
	}
}
