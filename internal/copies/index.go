package copies

import (
	"math"
	"slices"
)

// Copy types, as in model.Article.CopyType.
const (
	Exact      = "exact"
	Near       = "near"
	Partial    = "partial"
	Paraphrase = "paraphrase"
)

// typeRank orders match types, best first.
var typeRank = map[string]int{Exact: 0, Near: 1, Partial: 2, Paraphrase: 3}

// Match says which earlier document a text copies. Of is -1 for none.
type Match struct {
	Of         int32 // the original (the root of the copy chain)
	Via        int32 // the document actually matched, itself a copy or the original
	Type       string
	Similarity float64
}

// Index holds the signatures of documents seen so far. Documents are added
// in processing order and numbered from 0. An Index is not safe for
// concurrent use: one goroutine calls Match and Add in turn.
type Index struct {
	p     Params
	roots []int32
	sizes []int32 // number of winnowed fingerprints
	mins  []uint32
	sets  [][]uint32
	sents [][][]uint32
	df    map[uint32]int32 // documents per sentence term, for IDF weights
	exact map[uint64]int32
	bands postings
	samps postings
	keys  postings

	// scratch for one Match
	count   map[int32]int
	touched []int32
}

// NewIndex returns an empty index.
func NewIndex(p Params) *Index {
	return &Index{
		p: p, exact: map[uint64]int32{}, bands: newPostings(), samps: newPostings(), keys: newPostings(),
		count: map[int32]int{}, df: map[uint32]int32{},
	}
}

// Add appends a document with its signature and the match found for it, and
// returns its number.
func (ix *Index) Add(s *Signature, m Match) int32 {
	d := int32(len(ix.roots))
	root := d
	if m.Of >= 0 {
		root = m.Of
	}
	ix.roots = append(ix.roots, root)
	ix.mins = append(ix.mins, s.Min[:]...)
	ix.sets = append(ix.sets, s.Set)
	ix.sizes = append(ix.sizes, int32(len(s.Sample)))
	ix.sents = append(ix.sents, s.Sents)
	ix.countTerms(s.Sents)
	if s.Exact == 0 {
		return d
	}
	if _, ok := ix.exact[s.Exact]; !ok {
		ix.exact[s.Exact] = d
	}
	for b := 0; b < numBands; b++ {
		ix.bands.add(bandKey(s, b), d)
	}
	for _, h := range s.Sample {
		ix.samps.add(uint64(h), d)
	}
	for _, k := range s.Keys {
		ix.keys.add(uint64(k), d)
	}
	return d
}

func bandKey(s *Signature, b int) uint64 {
	h := uint64(b) * 0x9e3779b97f4a7c15
	for _, v := range s.Min[b*bandRows : (b+1)*bandRows] {
		h = fmix(h ^ uint64(v))
	}
	return h
}

func (ix *Index) min(d int32) *[numHashes]uint32 {
	return (*[numHashes]uint32)(ix.mins[int(d)*numHashes : (int(d)+1)*numHashes])
}

// Match finds the best earlier document that s copies: exact before near
// before partial before paraphrase, then by similarity, then the earliest.
func (ix *Index) Match(s *Signature) Match {
	none := Match{Of: -1, Via: -1}
	if s.Exact == 0 {
		return none
	}
	if d, ok := ix.exact[s.Exact]; ok {
		return ix.match(d, Exact, 1)
	}
	best := none
	consider := func(d int32, typ string, sim float64) {
		if best.Via < 0 || typeRank[typ] < typeRank[best.Type] ||
			typ == best.Type && (sim > best.Similarity || sim == best.Similarity && d < best.Via) {
			best = ix.match(d, typ, sim)
		}
	}
	ix.shingleCandidates(s, consider)
	if best.Via < 0 {
		ix.paraphraseCandidates(s, consider)
	}
	return best
}

func (ix *Index) match(d int32, typ string, sim float64) Match {
	return Match{Of: ix.roots[d], Via: d, Type: typ, Similarity: sim}
}

// shingleCandidates finds near and partial copies among documents sharing an
// LSH band or sampled shingles with s.
func (ix *Index) shingleCandidates(s *Signature, consider func(int32, string, float64)) {
	ix.reset()
	for b := 0; b < numBands; b++ {
		ix.bands.each(bandKey(s, b), ix.p.MaxPosting, func(d int32) { ix.bump(d, 0) })
	}
	for _, h := range s.Sample {
		ix.samps.each(uint64(h), ix.p.MaxPosting, func(d int32) { ix.bump(d, 1) })
	}
	for _, d := range ix.touched {
		if j := jaccardMin(&s.Min, ix.min(d)); j >= ix.p.NearJaccard {
			consider(d, Near, j)
			continue
		}
		// Only candidates sharing a fair part of the fingerprints can reach
		// the containment threshold: verify those exactly.
		if float64(ix.count[d]) < 0.3*ix.p.PartialContainment*float64(min(len(s.Sample), int(ix.sizes[d]))) {
			continue
		}
		common := shared(s.Set, ix.sets[d])
		smaller := min(len(s.Set), len(ix.sets[d]))
		if common >= ix.p.PartialMinShared && smaller > 0 {
			if c := float64(common) / float64(smaller); c >= ix.p.PartialContainment {
				consider(d, Partial, c)
			}
		}
	}
}

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
		if ix.count[d] >= need {
			cands = append(cands, d)
		}
	}
	slices.SortFunc(cands, func(a, b int32) int {
		if c := ix.count[b] - ix.count[a]; c != 0 {
			return c
		}
		return int(a - b)
	})
	if len(cands) == 0 {
		return
	}
	w := ix.weigher()
	qw := w.sums(s.Sents)
	for _, d := range cands[:min(len(cands), maxParaphraseCandidates)] {
		if frac, n := align(s.Sents, qw, ix.sents[d], w.sums(ix.sents[d]), ix.p.SentenceDice, w.idf); n >= ix.p.ParaphraseMinSentences && frac >= ix.p.ParaphraseAligned {
			consider(d, Paraphrase, frac)
		}
	}
}

func (ix *Index) reset() {
	clear(ix.count)
	ix.touched = ix.touched[:0]
}

func (ix *Index) bump(d int32, by int) {
	n, seen := ix.count[d]
	if !seen {
		ix.touched = append(ix.touched, d)
	}
	ix.count[d] = n + by
}

// countTerms adds one document's sentence terms to the document frequencies.
func (ix *Index) countTerms(sents [][]uint32) {
	seen := map[uint32]bool{}
	for _, set := range sents {
		for _, h := range set {
			if !seen[h] {
				seen[h] = true
				ix.df[h]++
			}
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

// sums returns the total weight of every sentence.
func (w weigher) sums(sents [][]uint32) []float64 {
	out := make([]float64, len(sents))
	for i, set := range sents {
		for _, h := range set {
			out[i] += w.idf(h)
		}
	}
	return out
}

// align returns the share of the shorter text's sentences that have a
// sentence in the other with weighted Dice overlap at least minDice, and
// their number. wa and wb are the sentences' total weights.
func align(a [][]uint32, wa []float64, b [][]uint32, wb []float64, minDice float64, weight func(uint32) float64) (float64, int) {
	if len(a) > len(b) {
		a, b, wa, wb = b, a, wb, wa
	}
	if len(a) == 0 {
		return 0, 0
	}
	n := 0
	for i, x := range a {
		for j, y := range b {
			if wa[i]+wb[j] > 0 && 2*sharedWeight(x, y, weight) >= minDice*(wa[i]+wb[j]) && figuresAgree(x, y) {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(a)), n
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

// sharedWeight sums the weights of the common elements of two sorted sets.
func sharedWeight(a, b []uint32, weight func(uint32) float64) float64 {
	sum := 0.0
	common(a, b, func(h uint32) { sum += weight(h) })
	return sum
}

// Bytes estimates the memory the index holds.
func (ix *Index) Bytes() int {
	n := len(ix.roots)*(4+4+24+24) + cap(ix.mins)*4 + len(ix.exact)*16 + len(ix.df)*12
	for i := range ix.sets {
		n += cap(ix.sets[i]) * 4
		for _, s := range ix.sents[i] {
			n += 24 + cap(s)*4
		}
	}
	return n + ix.bands.bytes() + ix.samps.bytes() + ix.keys.bytes()
}
