package cluster

import (
	"slices"
	"time"

	"github.com/zeebo/xxh3"
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
// (publication-time order for a stream). Each article finds its nearest
// earlier articles through an inverted index and keeps them as neighbours;
// earlier articles take it into their own neighbour lists when it is nearer
// than theirs. Two articles are linked when one is among the other's Links
// nearest, they are similar enough, and they share SharedMin neighbours,
// one more when the nearness is one-sided (the other does not have the
// first among its own neighbours): shared-nearest-neighbour clustering,
// which stops one stray resemblance from chaining two events into one
// story. Stories are the connected groups of links; copies join their
// original's.
//
// An Assigner is not safe for concurrent use: assignment is the one ordered
// step of the pipeline.
type Assigner struct {
	p      Params
	vocab  vocab
	ndocs  float32 // articles counted (decayed: see countScale)
	primed bool

	// the clock of the stream's decaying document frequencies (decay.go)
	dfClock decayClock
	dfNow   time.Time // the latest publication time counted
	docs    members
	byID    map[uint64]int32 // article positions by the xxh3 hash of their id
	sets    unionFind

	// scratch space of one Assign
	acc     []float32   // partial scores of one query, by article
	qw      []float32   // the query's weights, by term id (see spread)
	touched []int32     // the articles acc holds scores for
	ids     []int32     // the term ids of the article
	top     []wterm     // its heaviest terms
	topKeys []uint64    // the same, as heaviest sorts them
	sink    int32       // what the warm passes read, kept so that their reads are not dropped
	cands   []neighbour // the candidates to score exactly
	read    int64       // postings read by every query so far (PostingsRead)

	// In a dated stream (see DatedStream), articles published more than
	// Window before the latest can no longer be anyone's neighbour: their
	// vectors are dropped, so memory follows the window, not the stream.
	dated   bool
	latest  time.Time
	expired int32 // articles before this one were looked at for expiry
}

// member is the assigner's state of one article.
type member struct {
	id    string
	at    time.Time
	vec   []wterm // unit vector in the order of Features.Terms; nil for copies
	years []uint16
	orig  int32 // the original of a copy, else -1
	near  []neighbour
}

// members holds the articles' states in chunks of fixed size, so that
// adding one never copies the others (a slice of a million would copy
// them all each time it doubles) and a member's address stays fixed.
type members struct {
	chunks [][]member
	n      int
}

const memberChunk = 1 << 12

func (ms *members) len() int { return ms.n }

func (ms *members) at(i int32) *member { return &ms.chunks[i/memberChunk][i%memberChunk] }

func (ms *members) add(m member) {
	if ms.n%memberChunk == 0 {
		ms.chunks = append(ms.chunks, make([]member, 0, memberChunk))
	}
	c := &ms.chunks[len(ms.chunks)-1]
	*c = append(*c, m)
	ms.n++
}

type neighbour struct {
	doc int32
	sim float32
}

type posting struct {
	doc int32
	w   float32
}

// NewAssigner returns an empty assigner.
func NewAssigner(p Params) *Assigner {
	return &Assigner{p: p, byID: map[uint64]int32{}, dfClock: decayClock{half: p.DFHalfLife.Seconds()}}
}

// Prime counts the document frequencies of a whole batch up front, so that
// the first articles of a batch are weighed with the same statistics as the
// last. Assign then no longer counts them. times are the articles'
// publication times (zero: unknown); when document frequencies decay,
// a dated article's are counted from its own time (see decay.go).
func (a *Assigner) Prime(fs []Features, times []time.Time) {
	decay := a.p.DFHalfLife > 0 && len(times) == len(fs)
	var ids [][]int32 // each article's term ids, kept for primeDecayed
	if decay {
		ids = make([][]int32, len(fs))
	}
	for i := range fs {
		a.ids = a.vocab.intern(fs[i].Terms, a.p.Background, a.ids)
		a.ndocs++
		for _, id := range a.ids {
			a.vocab.terms[id].df++
		}
		if decay && !times[i].IsZero() {
			ids[i] = slices.Clone(a.ids)
		}
	}
	if decay {
		a.primeDecayed(fs, times, ids)
	}
	a.primed = true
}

// Assign places one article and returns its position in the assigner,
// for Story. A copy whose original was assigned joins the original's story.
func (a *Assigner) Assign(d Doc, f Features) int32 {
	a.ids = a.vocab.intern(f.Terms, a.p.Background, a.ids)
	if !a.primed {
		a.count(a.ids, d.Published)
	}
	n := int32(a.docs.len())
	a.sets.add()
	o, isCopy := a.position(d.CopyOf)
	a.byID[xxh3.HashString(d.ID)] = n
	if isCopy {
		a.docs.add(member{id: d.ID, at: d.Published, orig: o})
		a.sets.union(o, n)
		return n
	}
	m := member{id: d.ID, at: d.Published, vec: a.vector(&f, a.ids), years: f.Years, orig: -1}
	a.docs.add(m)
	if a.dated {
		a.expire(d.Published)
	}
	top := heaviest(m.vec, max(a.p.QueryTerms, a.p.IndexTerms), a.top, &a.topKeys)
	a.top = top
	a.findNeighbours(n, top[:min(len(top), a.p.QueryTerms)])
	a.index(n, top[:min(len(top), a.p.IndexTerms)])
	a.linkAround(n)
	return n
}

// position returns the position of the article with the id, when one was
// assigned. The map is keyed by the id's hash, smaller and faster than one
// keyed by the strings; the id is checked, so a hash shared by two ids
// finds at most the later one.
func (a *Assigner) position(id string) (int32, bool) {
	if id == "" {
		return 0, false
	}
	o, ok := a.byID[xxh3.HashString(id)]
	return o, ok && a.docs.at(o).id == id
}

// DatedStream tells the assigner that every article to come has a
// publication time and comes in time order, so that the vectors of articles
// older than the latest by more than Window can be dropped: no later
// article can be their neighbour. (An undated article has no window and may
// match any article; an article out of order could have matched one
// dropped for it.)
func (a *Assigner) DatedStream() { a.dated = true }

// expire drops the vectors of the articles that fell out of the window
// when the latest publication time reaches at.
func (a *Assigner) expire(at time.Time) {
	if at.After(a.latest) {
		a.latest = at
	}
	cutoff := a.latest.Add(-a.p.Window)
	for ; a.expired < int32(a.docs.len()); a.expired++ {
		m := a.docs.at(a.expired)
		if m.at.IsZero() {
			continue // no time: never out of the window
		}
		if !m.at.Before(cutoff) {
			return
		}
		m.vec, m.years = nil, nil
	}
}

// Story returns the key of the story that article n (as Assign returned)
// belongs to now: "s-" and the id of the story's first article. Keys change
// only when two stories merge, to the earlier story's key.
func (a *Assigner) Story(n int32) string {
	return "s-" + a.docs.at(a.sets.find(n)).id
}

// PostingsRead is the number of index entries the queries of every
// article assigned so far have read: the work of finding candidates,
// which grows as the postings of an article's terms fill up to MaxPosting
// each and is bounded by QueryTerms × MaxPosting per article.
func (a *Assigner) PostingsRead() int64 { return a.read }

// Len is the number of articles assigned.
func (a *Assigner) Len() int { return a.docs.len() }

// findNeighbours scores the earlier articles sharing index terms with
// article n (query: its heaviest terms), then keeps the nearest as n's neighbours and offers n to
// theirs.
func (a *Assigner) findNeighbours(n int32, query []wterm) {
	m := a.docs.at(n)
	if len(a.acc) < a.docs.len() {
		a.acc = append(a.acc, make([]float32, a.docs.len()-len(a.acc))...)
	}
	// touched gets every article in the order first seen, without a
	// branch on acc[d], which waits on a cache miss and is unpredictable:
	// each entry is written, and kept only when acc[d] was still 0.
	touched := slices.Grow(a.touched[:0], len(query)*a.p.MaxPosting)
	touched = touched[:cap(touched)]
	nt := 0
	a.warmPostings(query)
	for _, t := range query {
		if t.w == 0 {
			continue // would leave acc[d] at 0, and d touched twice
		}
		post := a.vocab.terms[t.id].post
		post = post[max(0, len(post)-a.p.MaxPosting):]
		i := len(post) - 1
		for ; i >= 0; i-- {
			d := post[i].doc
			if d < a.expired {
				break // this and older ones are out of the window
			}
			touched[nt] = d
			nt += b2i(a.acc[d] == 0)
			a.acc[d] += t.w * post[i].w
		}
		a.read += int64(len(post) - 1 - i)
	}
	a.touched = touched[:nt]
	a.cands = a.best(a.p.Candidates)
	a.warmCandidates()
	a.spread(m.vec)
	defer a.clear(m.vec)
	for _, c := range a.cands {
		o := a.docs.at(c.doc)
		sim := a.similarity(m, o, a.dotQuery(o.vec))
		if sim <= 0 {
			continue
		}
		m.near = offer(m.near, neighbour{c.doc, sim}, a.p.Neighbours)
		o.near = offer(o.near, neighbour{n, sim}, a.p.Neighbours)
	}
}

// warmPostings reads the newest entry of every query term's postings
// before any is walked: the lists lie apart in memory, and reading their
// first entries together overlaps the cache misses that walking them one
// after another would take in turn.
func (a *Assigner) warmPostings(query []wterm) {
	var sink int32
	for _, t := range query {
		if post := a.vocab.terms[t.id].post; len(post) > 0 {
			sink += post[len(post)-1].doc
		}
	}
	a.sink += sink
}

// warmCandidates does the same for the candidates' vectors and neighbour
// lists, which the exact scoring reads next.
func (a *Assigner) warmCandidates() {
	var sink int32
	for _, c := range a.cands {
		o := a.docs.at(c.doc)
		if len(o.vec) > 0 {
			sink += int32(o.vec[0].id)
		}
		if len(o.near) > 0 {
			sink += o.near[0].doc
		}
	}
	a.sink += sink
}

// similarity scales cos, the cosine of two articles, down by the time gap
// when both times are known: halved at HalfGap, zero past Window.
func (a *Assigner) similarity(x, y *member, cos float64) float32 {
	sim := cos
	if len(x.years) > 0 && len(y.years) > 0 && !overlap(x.years, y.years) {
		sim *= a.p.YearsApart
	}
	if x.at.IsZero() || y.at.IsZero() {
		return float32(sim)
	}
	gap := x.at.Sub(y.at).Abs()
	if gap > a.p.Window {
		return 0
	}
	return float32(sim / (1 + float64(gap)/float64(a.p.HalfGap)))
}

func overlap(x, y []uint16) bool {
	for _, v := range x {
		if _, ok := slices.BinarySearch(y, v); ok {
			return true
		}
	}
	return false
}

// nearer orders neighbours most similar first, ties by position.
func nearer(x, y neighbour) int {
	if x.sim != y.sim {
		if x.sim > y.sim {
			return -1
		}
		return 1
	}
	return int(x.doc - y.doc)
}

// best returns the k articles with the highest partial scores in acc
// (all of them when fewer), nearest first, and clears acc. Most are no
// nearer than the k-th best so far and cost one comparison.
func (a *Assigner) best(k int) []neighbour {
	top := a.cands[:0]
	for _, d := range a.touched {
		c := neighbour{d, a.acc[d]}
		a.acc[d] = 0
		if len(top) == k && (c.sim < top[k-1].sim || c.sim == top[k-1].sim && d > top[k-1].doc) {
			continue // nearer(c, top[k-1]) >= 0, inline
		}
		top = offer(top, c, k)
	}
	return top
}

// offer inserts c into the sorted list near if it is among the k nearest.
func offer(near []neighbour, c neighbour, k int) []neighbour {
	i, _ := slices.BinarySearchFunc(near, c, nearer)
	if i >= k {
		return near
	}
	near = slices.Insert(near, i, c)
	return near[:min(len(near), k)]
}

// index adds article n to the postings of its heaviest terms. A query reads
// only the newest MaxPosting entries of a term, so older ones are dropped
// once twice as many have gathered.
func (a *Assigner) index(n int32, heaviest []wterm) {
	for _, t := range heaviest {
		if t.w == 0 {
			continue // no weight: adds nothing to a query's partial scores
		}
		st := &a.vocab.terms[t.id]
		st.post = append(st.post, posting{n, t.w})
		if len(st.post) >= 2*a.p.MaxPosting {
			st.post = st.post[:copy(st.post, st.post[len(st.post)-a.p.MaxPosting:])]
		}
	}
}

// linkAround links article n with its linkable neighbours, and each of its
// neighbours with theirs (n may have changed their lists).
func (a *Assigner) linkAround(n int32) {
	a.link(n)
	for _, nb := range a.docs.at(n).near {
		a.link(nb.doc)
	}
}

// link joins article x's story with those of its linkable neighbours.
func (a *Assigner) link(x int32) {
	near := a.docs.at(x).near
	for _, nb := range near[:min(len(near), a.p.Links)] {
		if float64(nb.sim) < a.p.Threshold {
			break
		}
		other := a.docs.at(nb.doc).near
		need := a.p.SharedMin
		if !holds(other, x) {
			need++ // one-sided: x is not among its neighbour's nearest
		}
		if a.shared(near, other, x, nb.doc) >= need || a.sparse(near) && a.sparse(other) {
			a.sets.union(x, nb.doc)
		}
	}
}

// holds reports whether article x is in the neighbour list near.
func holds(near []neighbour, x int32) bool {
	for _, nb := range near {
		if nb.doc == x {
			return true
		}
	}
	return false
}

// sparse reports whether a neighbour list holds at most SharedMin articles
// similar enough to link: a small story, too small to have the shared
// neighbours a link asks for elsewhere, where there is little to chain.
func (a *Assigner) sparse(near []neighbour) bool {
	n := 0
	for _, nb := range near {
		if float64(nb.sim) >= a.p.Threshold {
			n++
		}
	}
	return n <= a.p.SharedMin
}

// shared counts the articles other than x and y in both neighbour lists.
func (a *Assigner) shared(nx, ny []neighbour, x, y int32) int {
	c := 0
	for _, p := range nx {
		if p.doc == y {
			continue
		}
		for _, q := range ny {
			if q.doc == p.doc && q.doc != x {
				c++
				break
			}
		}
	}
	return c
}

// Relink rebuilds the stories from the neighbour lists as they are now,
// so that links an article made before its final neighbours arrived are
// judged again. After a batch this gives the same stories whatever the
// order the neighbours were found in.
func (a *Assigner) Relink() {
	a.sets = unionFind{}
	for range a.docs.len() {
		a.sets.add()
	}
	for i := range a.docs.len() {
		if o := a.docs.at(int32(i)).orig; o >= 0 {
			a.sets.union(o, int32(i))
			continue
		}
		a.link(int32(i))
	}
}

// Stories counts the stories so far.
func (a *Assigner) Stories() int {
	n := 0
	for i := range a.docs.len() {
		if a.sets.find(int32(i)) == int32(i) {
			n++
		}
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
