package copies

import "slices"

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
	sizes []int32               // number of winnowed fingerprints
	mins  [][][numHashes]uint32 // in chunks of minChunk: growth copies nothing
	sets  [][]uint32
	sents [][][]uint32
	df    docFreqs // documents per sentence term, for IDF weights
	exact map[uint64]int32
	bands postings
	samps postings
	keys  postings

	// scratch for one Match or Add
	count   []int32 // per document: keys shared with the query, plus one
	touched []int32 // documents with a count
	ts      termSentences
	qset    hashSet // the shingle set of setOf, for containment
	setOf   *Signature
	refs    lookups
	sink    uint32 // what warm read, kept so that its reads are not dropped
}

// lookups remember where the last Match found its keys, for the Add that
// follows it.
type lookups struct {
	of                 *Signature
	bands, samps, keys []slotRef
}

// ref returns the i-th slotRef of refs, or the zero one.
func ref(refs []slotRef, i int) slotRef {
	if i < len(refs) {
		return refs[i]
	}
	return slotRef{}
}

// minChunk is how many documents' MinHashes one chunk holds (1 MiB).
const minChunk = 4096

// NewIndex returns an empty index.
func NewIndex(p Params) *Index {
	return &Index{
		p: p, exact: map[uint64]int32{}, bands: newPostings(), samps: newPostings(), keys: newPostings(),
		df: newDocFreqs(),
	}
}

// Reserve prepares the index for docs more documents carrying samples
// winnowed fingerprints and sentences sentence keys in all (see Signature),
// so that adding them does not grow its tables: a caller that knows its
// batch, as Detect does, saves the rehashing. Estimates are fine; more
// documents than reserved are still added.
func (ix *Index) Reserve(docs, samples, sentences int) {
	if docs <= 0 {
		return
	}
	ix.bands.reserve(ix.bands.used + numBands*docs)
	ix.samps.reserve(ix.samps.used + samples)
	ix.keys.reserve(ix.keys.used + sentences)
	n := len(ix.roots) + docs
	ix.roots = slices.Grow(ix.roots, docs)
	ix.sizes = slices.Grow(ix.sizes, docs)
	ix.count = slices.Grow(ix.count, docs)
	ix.sets = slices.Grow(ix.sets, docs)
	ix.sents = slices.Grow(ix.sents, docs)
	ix.mins = slices.Grow(ix.mins, n/minChunk+1-len(ix.mins))
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
	ix.count = append(ix.count, 0)
	if int(d)%minChunk == 0 {
		ix.mins = append(ix.mins, make([][numHashes]uint32, 0, minChunk))
	}
	last := &ix.mins[len(ix.mins)-1]
	*last = append(*last, s.Min)
	ix.sets = append(ix.sets, s.Set)
	ix.sizes = append(ix.sizes, int32(len(s.Sample)))
	ix.sents = append(ix.sents, s.Sents)
	ix.countTerms(d, s.Sents)
	var refs lookups
	if ix.refs.of == s {
		refs = ix.refs
	}
	ix.refs.of = nil
	if s.Exact == 0 {
		return d
	}
	if _, ok := ix.exact[s.Exact]; !ok {
		ix.exact[s.Exact] = d
	}
	for b := 0; b < numBands; b++ {
		ix.bands.add(bandKey(s, b), d, ref(refs.bands, b))
	}
	for i, h := range s.Sample {
		ix.samps.add(uint64(h), d, ref(refs.samps, i))
	}
	for i, k := range s.Keys {
		ix.keys.add(uint64(k), d, ref(refs.keys, i))
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
	return &ix.mins[d/minChunk][d%minChunk]
}

// Match finds the best earlier document that s copies: exact before near
// before partial before paraphrase, then by similarity, then the earliest.
func (ix *Index) Match(s *Signature) Match {
	none := Match{Of: -1, Via: -1}
	ix.refs = lookups{of: s, bands: ix.refs.bands[:0], samps: ix.refs.samps[:0], keys: ix.refs.keys[:0]}
	if s.Exact == 0 {
		return none
	}
	if d, ok := ix.exact[s.Exact]; ok {
		return ix.match(d, Exact, 1)
	}
	ix.warm(s)
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

// warm brings the home slots of all of s's keys into cache (see
// postings.warm).
func (ix *Index) warm(s *Signature) {
	sink := uint32(0)
	for b := 0; b < numBands; b++ {
		sink += ix.bands.warm(bandKey(s, b))
	}
	for _, h := range s.Sample {
		sink += ix.samps.warm(uint64(h))
	}
	for _, k := range s.Keys {
		sink += ix.keys.warm(uint64(k))
	}
	ix.sink = sink
}

// warmCandidates reads the MinHash of every candidate before any is
// compared, overlapping their cache misses (see postings.warm).
func (ix *Index) warmCandidates() {
	sink := uint32(0)
	for _, d := range ix.touched {
		sink += ix.min(d)[0]
	}
	ix.sink += sink
}

func (ix *Index) match(d int32, typ string, sim float64) Match {
	return Match{Of: ix.roots[d], Via: d, Type: typ, Similarity: sim}
}

// shingleCandidates finds near and partial copies among documents sharing an
// LSH band or sampled shingles with s.
func (ix *Index) shingleCandidates(s *Signature, consider func(int32, string, float64)) {
	ix.reset()
	for b := 0; b < numBands; b++ {
		r := ix.bands.each(bandKey(s, b), ix.p.MaxPosting, func(d int32) { ix.bump(d, 0) })
		ix.refs.bands = append(ix.refs.bands, r)
	}
	for _, h := range s.Sample {
		r := ix.samps.each(uint64(h), ix.p.MaxPosting, func(d int32) { ix.bump(d, 1) })
		ix.refs.samps = append(ix.refs.samps, r)
	}
	ix.warmCandidates()
	for _, d := range ix.touched {
		if j := jaccardMin(&s.Min, ix.min(d)); j >= ix.p.NearJaccard {
			consider(d, Near, j)
			continue
		}
		// Only candidates sharing a fair part of the fingerprints can reach
		// the containment threshold: verify those exactly.
		if float64(ix.shares(d)) < 0.3*ix.p.PartialContainment*float64(min(len(s.Sample), int(ix.sizes[d]))) {
			continue
		}
		if ix.setOf != s {
			ix.setOf = s
			ix.qset.reset(len(s.Set))
			for _, h := range s.Set {
				ix.qset.add(h)
			}
		}
		common := sharedWith(&ix.qset, ix.sets[d])
		smaller := min(len(s.Set), len(ix.sets[d]))
		if common >= ix.p.PartialMinShared && smaller > 0 {
			if c := float64(common) / float64(smaller); c >= ix.p.PartialContainment {
				consider(d, Partial, c)
			}
		}
	}
}

func (ix *Index) reset() {
	for _, d := range ix.touched {
		ix.count[d] = 0
	}
	ix.touched = ix.touched[:0]
}

// bump counts a key shared with document d. A band counts 0 but still makes
// d a candidate, so count holds the shared keys plus one, and 0 for a
// document not touched.
func (ix *Index) bump(d int32, by int32) {
	if ix.count[d] == 0 {
		ix.touched = append(ix.touched, d)
		ix.count[d] = 1
	}
	ix.count[d] += by
}

// shares returns the keys document d shares with the query.
func (ix *Index) shares(d int32) int32 { return ix.count[d] - 1 }

// countTerms adds document d's sentence terms to the document frequencies.
func (ix *Index) countTerms(d int32, sents [][]uint32) {
	for _, set := range sents {
		for _, h := range set {
			ix.df.count(h, d)
		}
	}
}

// Bytes estimates the memory the index holds.
func (ix *Index) Bytes() int {
	n := len(ix.roots)*(4+4+24+24) + len(ix.mins)*minChunk*numHashes*4 + len(ix.exact)*16 + ix.df.bytes()
	for i := range ix.sets {
		n += cap(ix.sets[i]) * 4
		for _, s := range ix.sents[i] {
			n += 24 + cap(s)*4
		}
	}
	return n + ix.bands.bytes() + ix.samps.bytes() + ix.keys.bytes()
}
