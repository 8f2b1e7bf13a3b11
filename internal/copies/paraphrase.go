package copies

import (
	"math"
	"slices"

	"github.com/sitrep/sitrep/internal/sorted"
)

// maxParaphraseCandidates bounds the alignments one Match runs: the
// documents sharing the most sentence keys are tried.
const maxParaphraseCandidates = 4

// paraphraseCandidates aligns s sentence by sentence with the documents that
// share the most sentence keys with it.
func (ix *Index) paraphraseCandidates(s *Signature, consider func(int32, string, float64)) {
	if len(s.Keys) < ix.p.ParaphraseMinSentences {
		return
	}
	ix.reset()
	for _, k := range s.Keys {
		ix.keys.each(uint64(k), ix.p.MaxPosting, func(d int32) { ix.bump(d, 1) })
	}
	need := max(ix.p.ParaphraseMinSentences, (len(s.Keys)*35+99)/100)
	cands := ix.touched[:0:0]
	for _, d := range ix.touched {
		if int(ix.shares(d)) >= need {
			cands = append(cands, d)
		}
	}
	slices.SortFunc(cands, func(a, b int32) int {
		if c := ix.shares(b) - ix.shares(a); c != 0 {
			return int(c)
		}
		return int(a - b)
	})
	if len(cands) == 0 {
		return
	}
	w := ix.weigher()
	q := w.weigh(s.Sents)
	for _, d := range cands[:min(len(cands), maxParaphraseCandidates)] {
		if frac, ok := align(q, w.weigh(ix.sents[d]), ix.p); ok {
			consider(d, Paraphrase, frac)
		}
	}
}

// weigher gives IDF weights as of now: template words shared by every
// earnings table or dividend notice weigh little, names and figures much.
type weigher struct {
	logN float64
	df   map[uint32]int32
}

func (ix *Index) weigher() weigher {
	return weigher{logN: math.Log(float64(len(ix.roots) + 1)), df: ix.df}
}

// logTable holds log(n) for small n, the common document frequencies.
var logTable = func() (t [1024]float64) {
	for i := 1; i < len(t); i++ {
		t[i] = math.Log(float64(i))
	}
	return t
}()

func (w weigher) idf(h uint32) float64 {
	n := int(w.df[h]) + 1
	if n < len(logTable) {
		return w.logN - logTable[n]
	}
	return w.logN - math.Log(float64(n))
}

// weighed are sentence sets with the weight of each term and the total of
// each set, worked out the first time they are needed: most sentence pairs
// share no term, and most candidates fail early.
type weighed struct {
	w       weigher
	sets    [][]uint32
	weights [][]float64
	sums    []float64
}

func (w weigher) weigh(sents [][]uint32) *weighed {
	return &weighed{w: w, sets: sents, weights: make([][]float64, len(sents)), sums: make([]float64, len(sents))}
}

// at returns the term weights of sentence i and their sum.
func (x *weighed) at(i int) ([]float64, float64) {
	if x.weights[i] == nil {
		ws := make([]float64, len(x.sets[i]))
		for j, h := range x.sets[i] {
			ws[j] = x.w.idf(h)
			x.sums[i] += ws[j]
		}
		x.weights[i] = ws
	}
	return x.weights[i], x.sums[i]
}

// align reports whether two texts are paraphrases: whether at least
// p.ParaphraseAligned of the shorter text's sentences, and at least
// p.ParaphraseMinSentences, have a sentence in the other with weighted Dice
// overlap at least p.SentenceDice. It returns the share that do, and stops
// as soon as the answer is known to be no.
func align(a, b *weighed, p Params) (float64, bool) {
	if len(a.sets) > len(b.sets) {
		a, b = b, a
	}
	need := p.ParaphraseMinSentences
	for float64(need)/float64(len(a.sets)) < p.ParaphraseAligned {
		need++
	}
	if len(a.sets) == 0 || need > len(a.sets) {
		return 0, false
	}
	n := 0
	for i, x := range a.sets {
		if n+len(a.sets)-i < need {
			return 0, false
		}
		wa, sa := a.at(i)
		for j, y := range b.sets {
			shared := sharedWeight(x, y, wa)
			if shared == 0 {
				continue
			}
			if _, sb := b.at(j); 2*shared >= p.SentenceDice*(sa+sb) && figuresAgree(x, y) {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(a.sets)), n >= need
}

// figuresAgree: when both sentences carry figures, at least half of them
// must be the same. A rewrite keeps the numbers; the next day's market
// report or another company's results table does not.
func figuresAgree(x, y []uint32) bool {
	fx, fy := figures(x), figures(y)
	if len(fx) == 0 || len(fy) == 0 {
		return true
	}
	return 2*shared(fx, fy) >= min(len(fx), len(fy))
}

func figures(set []uint32) []uint32 {
	i, _ := slices.BinarySearch(set, numberBit)
	return set[i:]
}

// sharedWeight sums the weights of the common elements of two sorted sets,
// wa holding the weights of a's.
func sharedWeight(a, b []uint32, wa []float64) float64 {
	sum := 0.0
	sorted.Common(a, b, func(i, _ int) { sum += wa[i] })
	return sum
}
