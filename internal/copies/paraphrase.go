package copies

import (
	"math"
	"math/bits"
	"slices"
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
		r := ix.keys.each(uint64(k), ix.p.MaxPosting, func(d int32) { ix.bump(d, 1) })
		ix.refs.keys = append(ix.refs.keys, r)
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
		if frac, ok := align(q, w.weigh(ix.sents[d]), ix.p, &ix.ts); ok {
			consider(d, Paraphrase, frac)
		}
	}
}

// weigher gives IDF weights as of now: template words shared by every
// earnings table or dividend notice weigh little, names and figures much.
type weigher struct {
	logN float64
	df   *docFreqs
}

func (ix *Index) weigher() weigher {
	return weigher{logN: math.Log(float64(len(ix.roots) + 1)), df: &ix.df}
}

// logTable holds log(n) for small n, the common document frequencies.
var logTable = func() (t [1024]float64) {
	for i := 1; i < len(t); i++ {
		t[i] = math.Log(float64(i))
	}
	return t
}()

func (w weigher) idf(h uint32) float64 {
	n := int(w.df.get(h)) + 1
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
// as soon as the answer is known to be no. The longer text's terms are
// looked up in ts, built here, so that each sentence of the shorter one
// meets only the sentences it shares a term with.
func align(a, b *weighed, p Params, ts *termSentences) (float64, bool) {
	a, b, need, ok := alignable(a, b, p)
	if !ok {
		return 0, false
	}
	ts.build(b.sets)
	var acc [maxSentences]float64 // per sentence of b: the weight it shares with x
	n := 0
	for i, x := range a.sets {
		if n+len(a.sets)-i < need {
			return 0, false
		}
		wa, sa := a.at(i)
		hit := uint64(0) // the sentences of b sharing a term with x
		for k, h := range x {
			m := ts.lookup(h)
			hit |= m
			for ; m != 0; m &= m - 1 {
				acc[bits.TrailingZeros64(m)] += wa[k]
			}
		}
		// The shared terms are part of the other sentence too, so its sum
		// is at least shared: a sentence sharing less than bound fails
		// whatever its sum, and its weights need not be looked up.
		bound := p.SentenceDice * sa / (2 - p.SentenceDice) * (1 - 1e-9) // rounding
		for m := hit; m != 0; m &= m - 1 {
			j := bits.TrailingZeros64(m)
			if shared := acc[j]; shared > 0 && shared >= bound {
				if _, sb := b.at(j); 2*shared >= p.SentenceDice*(sa+sb) && figuresAgree(x, b.sets[j]) {
					n++
					break
				}
			}
		}
		for m := hit; m != 0; m &= m - 1 {
			acc[bits.TrailingZeros64(m)] = 0
		}
	}
	return float64(n) / float64(len(a.sets)), n >= need
}

// alignable orders two texts shorter first and returns how many of the
// shorter one's sentences must align, and false when the pair cannot pass.
func alignable(a, b *weighed, p Params) (shorter, longer *weighed, need int, ok bool) {
	if len(a.sets) > len(b.sets) {
		a, b = b, a
	}
	need = p.ParaphraseMinSentences
	for float64(need)/float64(len(a.sets)) < p.ParaphraseAligned {
		need++
	}
	if len(a.sets) == 0 || need > len(a.sets) {
		return a, b, 0, false
	}
	return a, b, need, true
}

// termSentences maps each term of a text to the set of its sentences that
// hold it, bit j for sentence j, in an open-addressing table (a zero set
// marks an empty slot). Terms are hashes already: their low bits place them.
type termSentences struct {
	keys []uint32
	sets []uint64
}

// A sentence set is one uint64: a text keeps at most 64 sentences.
var _ [64 - maxSentences]struct{}

func (t *termSentences) build(sents [][]uint32) {
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(t.keys) < size {
		t.keys, t.sets = make([]uint32, size), make([]uint64, size)
	}
	t.keys, t.sets = t.keys[:size], t.sets[:size]
	clear(t.sets)
	for j, s := range sents {
		for _, h := range s {
			i := t.slot(h)
			t.keys[i] = h
			t.sets[i] |= 1 << j
		}
	}
}

// slot returns where term h is, or the empty slot where it would go.
func (t *termSentences) slot(h uint32) int {
	mask := uint32(len(t.keys) - 1)
	i := h & mask
	for t.sets[i] != 0 && t.keys[i] != h {
		i = (i + 1) & mask
	}
	return int(i)
}

// lookup returns the sentences holding term h.
func (t *termSentences) lookup(h uint32) uint64 { return t.sets[t.slot(h)] }

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

// figures returns the figures of a sentence set, which come last (see
// wordsThenFigures): the words before them are all below numberBit, so
// a binary search finds where they start.
func figures(set []uint32) []uint32 {
	i, _ := slices.BinarySearch(set, numberBit)
	return set[i:]
}
