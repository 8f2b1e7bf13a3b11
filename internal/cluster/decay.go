package cluster

import (
	"math"
	"slices"
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// Document frequencies decay with time (Params.DFHalfLife): an article
// published one half-life away from another counts half in the document
// frequencies that weigh the other's terms. A word every report used a
// month ago (the name of last month's storm) is telling again today, and a
// word every report uses today weighs little today. Undated articles have no
// distance in time and count in full.
//
// Both uses below keep sums in forward-decay form (Cormode et al., 2009):
// an article at time t adds 2^((t-base)/half) to the sums of its terms, so
// the sum seen from time now is the stored sum times 2^(-(now-base)/half):
// one exponential per article, none per term. When the exponent grows past
// rebaseAt, base moves forward by whole half-lives and every stored sum is
// scaled down to match, so nothing overflows.

// rebaseAt is the exponent at which the sums are scaled down: 2^64 leaves a
// float32 sum ample room.
const rebaseAt = 64

// decayClock gives articles their forward-decay weights.
type decayClock struct {
	half float64 // the half-life in seconds; negative for a sweep backwards in time
	base int64   // the Unix time of weight 1
	set  bool    // base is set: at the first dated article
}

// exponent is log2 of the weight of an article at t.
func (c *decayClock) exponent(t time.Time) float64 {
	if !c.set {
		c.base, c.set = t.Unix(), true
	}
	return (float64(t.Unix()) - float64(c.base)) / c.half
}

// rebase moves base by whole half-lives (towards t) so that t has an exponent
// below 1, when t's exponent passed rebaseAt, and returns the power of two
// the stored sums must be scaled by to match (0: none).
func (c *decayClock) rebase(t time.Time) int {
	e := c.exponent(t)
	if e <= rebaseAt {
		return 0
	}
	k := math.Floor(e)
	c.base += int64(k * c.half)
	return -int(min(k, math.MaxInt32))
}

// count adds an article with the term ids to the stream's document
// frequencies, at its publication time.
func (a *Assigner) count(ids []int32, at time.Time) {
	w := float32(1)
	if a.p.DFHalfLife > 0 {
		w = a.decayWeight(at)
	}
	a.ndocs += w
	for _, id := range ids {
		a.vocab.terms[id].df += w
	}
}

// decayWeight is the forward-decay weight of an article published at at
// (undated: at the latest publication time so far).
func (a *Assigner) decayWeight(at time.Time) float32 {
	if at.IsZero() {
		if at = a.dfNow; at.IsZero() {
			return 1 // base is set at the first dated article, with weight 1
		}
	}
	if at.After(a.dfNow) {
		a.dfNow = at
		if k := a.dfClock.rebase(at); k != 0 {
			a.scaleCounts(k)
		}
	}
	return float32(math.Exp2(a.dfClock.exponent(at)))
}

// scaleCounts multiplies every stored document frequency by 2^k.
func (a *Assigner) scaleCounts(k int) {
	a.ndocs = float32(math.Ldexp(float64(a.ndocs), k))
	for i := range a.vocab.terms {
		st := &a.vocab.terms[i]
		st.df = float32(math.Ldexp(float64(st.df), k))
	}
}

// countScale is the factor that turns the stored frequencies into those
// seen at the latest publication time.
func (a *Assigner) countScale() float32 {
	if a.p.DFHalfLife <= 0 || a.primed || a.dfNow.IsZero() {
		return 1
	}
	return float32(math.Exp2(-a.dfClock.exponent(a.dfNow)))
}

// primeDecayed gives every dated article of a batch the document
// frequencies of its terms seen from its own time: articles before and
// after it decayed by their distance, undated ones in full. It runs after
// the plain counts of the whole batch (Prime), which the undated articles
// keep. ids holds each dated article's term ids.
func (a *Assigner) primeDecayed(fs []Features, times []time.Time, ids [][]int32) {
	var order []int
	for _, i := range model.Chronological(times) {
		if !times[i].IsZero() {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		return
	}
	dated := make([]float32, len(a.vocab.terms))
	for _, i := range order {
		fs[i].dfs = make([]float32, len(ids[i]))
		for _, id := range ids[i] {
			dated[id]++
		}
	}
	half := a.p.DFHalfLife.Seconds()
	sweep(fs, times, ids, order, len(dated), half)
	slices.Reverse(order)
	sweep(fs, times, ids, order, len(dated), -half)
	undatedDocs := a.ndocs - float32(len(order))
	for _, i := range order {
		fs[i].ndocs += undatedDocs - 1 // itself, counted by both sweeps
		for j, id := range ids[i] {
			fs[i].dfs[j] += a.vocab.terms[id].df - dated[id] - 1
		}
	}
}

// sweep adds to each article's dfs the decayed document frequencies of its
// terms over the articles before it in order, itself included: the
// articles in time order with a positive half-life, in reverse with a
// negative one.
func sweep(fs []Features, times []time.Time, ids [][]int32, order []int, nterms int, half float64) {
	sums := make([]float64, nterms)
	var docs float64
	clock := decayClock{half: half}
	for _, i := range order {
		if k := clock.rebase(times[i]); k != 0 {
			docs = math.Ldexp(docs, k)
			for id := range sums {
				sums[id] = math.Ldexp(sums[id], k)
			}
		}
		e := clock.exponent(times[i])
		w, back := math.Exp2(e), math.Exp2(-e)
		docs += w
		fs[i].ndocs += float32(docs * back)
		for j, id := range ids[i] {
			sums[id] += w
			fs[i].dfs[j] += float32(sums[id] * back)
		}
	}
}
