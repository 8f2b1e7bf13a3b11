package cluster

import (
	"cmp"
	"math"
	"slices"
)

// vocab gives every term the assigner has seen a dense id, under which it
// keeps the term's document frequencies and postings: one table look-up
// per term of an article, then slice reads.
type vocab struct {
	table termTable
	terms []termStat
}

// termStat is what the assigner knows of one term.
type termStat struct {
	df   float32   // articles counted with the term
	bg   float32   // its document frequency in the background table
	post []posting // articles indexed under it, newest last
}

// wterm is one weighted term of an article's vector, by id.
type wterm struct {
	id uint32
	w  float32
}

// intern returns the ids of terms in ids[:0], giving new terms the next
// ids (so ids follow the order articles come in, and are the same on every
// run). bg is read once per new term.
func (v *vocab) intern(terms []Term, bg *Background, ids []int32) []int32 {
	v.table.warm(terms)
	ids = ids[:0]
	for _, t := range terms {
		id, added := v.table.get(t.Key, int32(len(v.terms)))
		if added {
			st := termStat{}
			if bg != nil {
				st.bg = bg.DF[t.Key]
			}
			v.terms = append(v.terms, st)
		}
		ids = append(ids, id)
	}
	return ids
}

// vector weighs an article's terms (their ids in ids) by idf, keeps the
// heaviest VectorTerms and scales them to unit length.
func (a *Assigner) vector(f *Features, ids []int32) []wterm {
	scale := a.countScale()
	docs := a.ndocs*scale + 1
	if f.dfs != nil {
		docs = f.ndocs + 1
	}
	if bg := a.p.Background; bg != nil {
		docs += bg.Docs
	}
	v := make([]wterm, len(ids))
	var n2 float64
	for i, id := range ids {
		st := &a.vocab.terms[id]
		df := st.df * scale
		if f.dfs != nil {
			df = f.dfs[i]
		}
		idf := math.Log(float64(docs / (df + 0.5 + st.bg)))
		idf = max(idf, 0)
		if a.p.IDFPower != 1 {
			idf = math.Pow(idf, a.p.IDFPower)
		}
		v[i] = wterm{uint32(id), f.Terms[i].W * float32(idf)}
	}
	if n := a.p.VectorTerms; n > 0 && len(v) > n {
		slices.SortFunc(v, byWeight)
		v = v[:n]
	}
	for _, t := range v {
		n2 += float64(t.w) * float64(t.w)
	}
	if n2 > 0 {
		inv := float32(1 / math.Sqrt(n2))
		for i := range v {
			v[i].w *= inv
		}
	}
	return v
}

// byWeight orders terms heaviest first, ties by id, so that every choice
// of terms is deterministic.
func byWeight(a, b wterm) int {
	return cmp.Compare(weightKey(b), weightKey(a))
}

// weightKey packs a term into one integer that orders as byWeight does,
// descending: the weight's bits (which order as the weight does, weights
// being at least 0) above the id's complement.
func weightKey(t wterm) uint64 { return uint64(math.Float32bits(t.w))<<32 | uint64(^t.id) }

// heaviest returns the n heaviest terms of v, heaviest first, in out[:0].
// One pass keeps a sorted window of the n heaviest keys in keys: far fewer
// comparisons than sorting all of v.
func heaviest(v []wterm, n int, out []wterm, keys *[]uint64) []wterm {
	top := (*keys)[:0]
	for _, t := range v {
		k := weightKey(t)
		if len(top) == n && k <= top[n-1] {
			continue
		}
		i := len(top)
		for i > 0 && top[i-1] < k {
			i--
		}
		top = slices.Insert(top, i, k)
		top = top[:min(len(top), n)]
	}
	out = out[:0]
	for _, k := range top {
		out = append(out, wterm{^uint32(k), math.Float32frombits(uint32(k >> 32))})
	}
	*keys = top
	return out
}

// spread writes the weights of the query vector v into qw, by term id,
// so that dotQuery reads its dot product with another vector in one pass
// over the other's terms: independent reads the processor overlaps,
// where merging two sorted vectors waits on every comparison.
func (a *Assigner) spread(v []wterm) {
	if n := len(a.vocab.terms); len(a.qw) < n {
		a.qw = append(a.qw, make([]float32, n-len(a.qw))...)
	}
	for _, t := range v {
		a.qw[t.id] = t.w
	}
}

// clear undoes spread(v).
func (a *Assigner) clear(v []wterm) {
	for _, t := range v {
		a.qw[t.id] = 0
	}
}

// dotQuery is the dot product of v with the spread query vector, summed in
// v's order.
func (a *Assigner) dotQuery(v []wterm) float64 {
	var s float64
	qw := a.qw
	for _, t := range v {
		s += float64(qw[t.id]) * float64(t.w) // 0 where the query lacks the term
	}
	return s
}
