package cluster

import (
	"math"
	"slices"
	"time"
)

// Doc is the part of an article clustering reads.
type Doc struct {
	ID        string
	Published time.Time // zero when unknown
	Title     string
	Text      string
	CopyOf    string // the original's id when the article is a copy
}

// Assigner assigns articles to stories one at a time, in the order given
// (publication-time order for a stream). It is not safe for concurrent use:
// assignment is the one ordered step of the pipeline.
type Assigner struct {
	p        Params
	df       map[uint64]float32
	docs     float32
	primed   bool
	stories  []*story
	postings map[uint64][]int32 // term → stories it indexes, oldest first
	storyOf  map[string]int32   // article id → story
	seen     map[int32]bool     // scratch: candidates of one query
}

// story is the assigner's state of one story: the sum of its members'
// unit vectors, and when it was first and last reported.
type story struct {
	key         string
	centroid    map[uint64]float32
	norm2       float64
	size        int
	first, last time.Time
	into        int32 // the story it was merged into, or -1
}

// NewAssigner returns an empty assigner.
func NewAssigner(p Params) *Assigner {
	return &Assigner{
		p:        p,
		df:       map[uint64]float32{},
		postings: map[uint64][]int32{},
		storyOf:  map[string]int32{},
		seen:     map[int32]bool{},
	}
}

// Prime counts the document frequencies of a whole batch up front, so that
// the first articles of a batch are weighed with the same statistics as the
// last. Assign then no longer counts them.
func (a *Assigner) Prime(fs []Features) {
	for i := range fs {
		a.count(&fs[i])
	}
	a.primed = true
}

func (a *Assigner) count(f *Features) {
	a.docs++
	for _, t := range f.Terms {
		a.df[t.Key]++
	}
}

// idf is the smoothed inverse document frequency of a term.
func (a *Assigner) idf(k uint64) float32 {
	return float32(math.Log(float64((a.docs+1)/(a.df[k]+0.5))))
}

// vector weighs features by idf and scales them to unit length.
func (a *Assigner) vector(f *Features) []Term {
	v := make([]Term, len(f.Terms))
	var n2 float64
	for i, t := range f.Terms {
		w := t.W * max(a.idf(t.Key), 0)
		v[i] = Term{t.Key, w}
		n2 += float64(w) * float64(w)
	}
	if n2 > 0 {
		inv := float32(1 / math.Sqrt(n2))
		for i := range v {
			v[i].W *= inv
		}
	}
	return v
}

// heaviest returns the keys of the n heaviest terms of v, heaviest first
// (ties by key, so the choice is deterministic).
func heaviest(v []Term, n int) []uint64 {
	s := slices.Clone(v)
	slices.SortFunc(s, func(a, b Term) int {
		if a.W != b.W {
			if a.W > b.W {
				return -1
			}
			return 1
		}
		return cmpKey(a.Key, b.Key)
	})
	if len(s) > n {
		s = s[:n]
	}
	keys := make([]uint64, len(s))
	for i, t := range s {
		keys[i] = t.Key
	}
	return keys
}

// Assign places one article in a story and returns the story's key: its
// original's story for a copy, else the best-scoring candidate story when it
// clears the threshold, else a new story keyed by this article.
func (a *Assigner) Assign(d Doc, f Features) string {
	if !a.primed {
		a.count(&f)
	}
	v := a.vector(&f)
	s := int32(-1)
	if d.CopyOf != "" {
		if o, ok := a.storyOf[d.CopyOf]; ok {
			s = a.root(o)
		}
	}
	if s < 0 {
		best, score := a.best(v, d.Published, -1)
		if score >= a.p.Threshold {
			s = best
		}
	}
	if s < 0 {
		s = int32(len(a.stories))
		a.stories = append(a.stories, &story{key: "s-" + d.ID, centroid: map[uint64]float32{}, into: -1, first: d.Published, last: d.Published})
	}
	a.join(s, v, d.Published)
	a.storyOf[d.ID] = s
	return a.stories[s].key
}

// root follows merges to the story that now holds s.
func (a *Assigner) root(s int32) int32 {
	for a.stories[s].into >= 0 {
		s = a.stories[s].into
	}
	return s
}

// best returns the candidate story scoring highest for v (excluding skip),
// and its score; -1 and 0 when there is none.
func (a *Assigner) best(v []Term, at time.Time, skip int32) (int32, float64) {
	clear(a.seen)
	best, bestScore := int32(-1), 0.0
	for _, k := range heaviest(v, a.p.QueryTerms) {
		post := a.postings[k]
		for i := len(post) - 1; i >= 0 && i >= len(post)-a.p.MaxPosting; i-- {
			s := a.root(post[i])
			if s == skip || a.seen[s] {
				continue
			}
			a.seen[s] = true
			sc := a.score(v, at, a.stories[s])
			if sc > bestScore || sc == bestScore && best >= 0 && s < best {
				best, bestScore = s, sc
			}
		}
	}
	return best, bestScore
}

// score is the cosine of v with the story's centroid, scaled down by the
// time gap when both times are known: halved at HalfGap, zero past Window.
func (a *Assigner) score(v []Term, at time.Time, st *story) float64 {
	if st.norm2 == 0 {
		return 0
	}
	var dot float64
	for _, t := range v {
		dot += float64(t.W) * float64(st.centroid[t.Key])
	}
	sc := dot / math.Sqrt(st.norm2)
	if gap := timeGap(at, st.first, st.last); gap > 0 {
		if gap > a.p.Window {
			return 0
		}
		sc /= 1 + float64(gap)/float64(a.p.HalfGap)
	}
	return sc
}

// timeGap is how far t lies outside [first, last]; 0 when inside or when a
// time is unknown.
func timeGap(t, first, last time.Time) time.Duration {
	switch {
	case t.IsZero() || first.IsZero():
		return 0
	case t.Before(first):
		return first.Sub(t)
	case t.After(last):
		return t.Sub(last)
	}
	return 0
}

// join adds v to story s and indexes s under v's heaviest terms.
func (a *Assigner) join(s int32, v []Term, at time.Time) {
	st := a.stories[s]
	a.addVector(st, v, 1)
	st.size++
	if !at.IsZero() {
		if st.first.IsZero() || at.Before(st.first) {
			st.first = at
		}
		if at.After(st.last) {
			st.last = at
		}
	}
	for _, k := range heaviest(v, a.p.IndexTerms) {
		post := a.postings[k]
		if len(post) == 0 || post[len(post)-1] != s {
			a.postings[k] = append(post, s)
		}
	}
}

// addVector adds sign·v to the story's centroid, keeping its squared norm.
func (a *Assigner) addVector(st *story, v []Term, sign float32) {
	for _, t := range v {
		old := st.centroid[t.Key]
		nw := old + sign*t.W
		st.norm2 += float64(nw)*float64(nw) - float64(old)*float64(old)
		if nw <= 1e-6 {
			delete(st.centroid, t.Key)
			continue
		}
		st.centroid[t.Key] = nw
	}
	if st.norm2 < 1e-9 {
		st.norm2 = 0
	}
}
