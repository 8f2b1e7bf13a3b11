package copies

import (
	"slices"
	"sync"

	"github.com/zeebo/xxh3"

	"github.com/sitrep/sitrep/internal/sorted"
	"github.com/sitrep/sitrep/internal/words"
)

// Signature is everything the index keeps of one text.
type Signature struct {
	Exact  uint64            // hash of the normalised word sequence; 0 when too short
	Min    [numHashes]uint32 // MinHash of the shingle set
	Set    []uint32          // distinct shingle hashes in text order, for exact containment
	Sample []uint32          // distinct winnowed fingerprints, indexed for retrieval
	Sents  [][]uint32        // per sentence: sorted stem hashes of its content words
	Keys   []uint32          // per sentence in Sents: a one-permutation MinHash key
}

// numberBit marks the hash of a figure in a sentence set, so figures sort
// after words and can be compared on their own.
const numberBit = 1 << 31

// maxSentences bounds the sentences kept per text: alignment is quadratic.
const maxSentences = 60

// The MinHash is one-permutation hashing with optimal densification
// (Shrivastava, ICML 2017): each shingle hash falls in one of numHashes bins
// by its top bits and the bin keeps the least of its low 32 bits; an empty
// bin takes the value of the first non-empty bin along its own fixed,
// pseudo-random probe sequence. Two texts' bins agree with probability
// their shingle sets' Jaccard similarity, as with numHashes independent
// permutations, at one hash per shingle instead of numHashes.
const binShift = 64 - hashBits // the top hashBits bits pick the bin

// borrowFrom lists, for each bin, the bins an empty one takes its value
// from, in order of preference.
var borrowFrom = func() (t [numHashes][4 * numHashes]uint8) {
	for i := range t {
		for a := range t[i] {
			t[i][a] = uint8(splitmix(uint64(i)<<32|uint64(a)) >> binShift)
		}
	}
	return t
}()

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	z := x
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// fmix is MurmurHash3's 64-bit finaliser: a cheap, good bit mixer.
func fmix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	return h ^ (h >> 33)
}

// Sign computes the signature of a text. It is pure.
func Sign(text string, p Params) *Signature {
	tw := tokenize(text)
	defer scratch.Put(tw)
	hs := tw.hashes
	s := &Signature{}
	for i := range s.Min {
		s.Min[i] = ^uint32(0)
	}
	if len(hs) < p.MinWords {
		return s
	}
	exact := uint64(0x6a09e667f3bcc908)
	for _, h := range hs {
		exact = fmix(exact ^ h)
	}
	s.Exact = exact | 1
	k := min(p.ShingleWords, len(hs))
	shingles := tw.shingles[:0]
	for i := 0; i+k <= len(hs); i++ {
		sh := uint64(0)
		for j := 0; j < k; j++ {
			sh ^= rotl(hs[i+j], 11*j)
		}
		sh = fmix(sh)
		if bin := sh >> binShift; uint32(sh) < s.Min[bin] {
			s.Min[bin] = uint32(sh)
		}
		shingles = append(shingles, uint32(sh>>32))
	}
	densify(&s.Min)
	tw.shingles = shingles
	s.Sample = winnow(shingles, p.Window, &tw.set)
	s.Set = slices.Clone(distinct(shingles, &tw.set))
	s.Sents, s.Keys = sentenceSets(text, tw)
	return s
}

// tokens are a text's words, read once: the hash of each lower-cased word,
// where it starts, and its sentence term (see termOf), with ok false for
// words that are none.
type tokens struct {
	hashes   []uint64
	starts   []int32
	terms    []uint32
	ok       []bool
	shingles []uint32 // scratch for Sign
	set      hashSet  // scratch for Sign
}

// scratch recycles tokens between signatures.
var scratch = sync.Pool{New: func() any { return new(tokens) }}

func tokenize(text string) *tokens {
	t := scratch.Get().(*tokens)
	t.hashes, t.starts, t.terms, t.ok = t.hashes[:0], t.starts[:0], t.terms[:0], t.ok[:0]
	words.Each(text, func(w []byte, at words.Span) {
		h := xxh3.Hash(w)
		term, ok := termOf(w, h)
		t.hashes = append(t.hashes, h)
		t.starts = append(t.starts, int32(at.Start))
		t.terms = append(t.terms, term)
		t.ok = append(t.ok, ok)
	})
	return t
}

// winnow keeps the smallest hash of every window of w consecutive shingles
// (Schleimer, Wilkerson and Aiken, 2003): any passage of w+k-1 words that two
// texts share yields a fingerprint both keep, however short the texts.
func winnow(hs []uint32, w int, scratch *hashSet) []uint32 {
	out := make([]uint32, 0, 2*len(hs)/(w+1)+1) // the expected density for random hashes
	last := -1
	for start := 0; start+w <= len(hs) || (start == 0 && len(hs) > 0); start++ {
		end := min(start+w, len(hs))
		at := start
		for i := start; i < end; i++ {
			if hs[i] <= hs[at] {
				at = i
			}
		}
		if at != last {
			out = append(out, hs[at])
			last = at
		}
		if end == len(hs) {
			break
		}
	}
	return distinct(out, scratch) // a shingle may be kept in windows apart
}

// densify fills the empty bins of a one-permutation MinHash (see
// borrowFrom). At least one bin is full: texts too short to have a shingle
// get no MinHash.
func densify(m *[numHashes]uint32) {
	var full [numHashes]bool
	for i, v := range m {
		full[i] = v != ^uint32(0)
	}
	for i := range m {
		if full[i] {
			continue
		}
		for _, j := range borrowFrom[i] {
			if full[j] {
				m[i] = m[j]
				break
			}
		}
		for j := 1; m[i] == ^uint32(0) && j < numHashes; j++ { // a sequence that missed every full bin
			if full[(i+j)%numHashes] {
				m[i] = m[(i+j)%numHashes]
			}
		}
	}
}

func rotl(x uint64, r int) uint64 { r &= 63; return x<<r | x>>(64-r) }

// sentenceSets returns, for each sentence with at least four content words,
// the set of its terms (see wordsThenFigures) and a one-permutation MinHash
// key. The sets share one backing array.
func sentenceSets(text string, tw *tokens) ([][]uint32, []uint32) {
	var (
		ends []int // where each set ends in all
		keys []uint32
	)
	all := make([]uint32, 0, len(tw.terms))
	w := 0
	for _, sp := range words.Sentences(text) {
		if len(ends) == maxSentences {
			break
		}
		for w < len(tw.starts) && int(tw.starts[w]) < sp.Start {
			w++
		}
		start := len(all)
		for ; w < len(tw.starts) && int(tw.starts[w]) < sp.End; w++ {
			if tw.ok[w] {
				all = append(all, tw.terms[w])
			}
		}
		if len(all)-start < 4 {
			all = all[:start]
			continue
		}
		set := wordsThenFigures(distinct(all[start:], &tw.set))
		all = all[:start+len(set)]
		key := ^uint32(0)
		for _, h := range set {
			key = min(key, uint32(fmix(uint64(h))>>32))
		}
		ends = append(ends, len(all))
		keys = append(keys, key)
	}
	all = slices.Clone(all) // what the index keeps: no spare capacity
	sets := make([][]uint32, len(ends))
	start := 0
	for i, end := range ends {
		sets[i] = all[start:end:end]
		start = end
	}
	return sets, keys
}

// wordsThenFigures reorders a sentence's distinct terms: its words first,
// then its figures (numberBit set) in ascending order, for figuresAgree.
// Nothing else reads the order: sorting whole sets cost more than the rest
// of their making.
func wordsThenFigures(set []uint32) []uint32 {
	i := 0
	for j, h := range set {
		if h&numberBit == 0 {
			set[i], set[j] = h, set[i]
			i++
		}
	}
	slices.Sort(set[i:])
	return set
}

func isNumber(w []byte) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// jaccardMin estimates the Jaccard similarity of two shingle sets.
func jaccardMin(a, b *[numHashes]uint32) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / numHashes
}

// common calls fn for every element two sorted sets share.
func common(a, b []uint32, fn func(uint32)) {
	sorted.Common(a, b, func(i, _ int) { fn(a[i]) })
}

// shared counts the common elements of two sorted sets.
func shared(a, b []uint32) int {
	n := 0
	common(a, b, func(uint32) { n++ })
	return n
}
