package cluster

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// decayTerms gives article i terms drawn from a small vocabulary, so that
// terms are shared.
func decayTerms(rng *rand.Rand) Features {
	var f Features
	for k := uint64(1); k <= 12; k++ {
		if rng.IntN(3) == 0 {
			f.Terms = append(f.Terms, Term{Key: k, W: 1})
		}
	}
	return f
}

// decayTimes are publication times in bursts of ten half-lives, the bursts
// spread over 2,000 half-lives (so that sums are rebased, in float64 too),
// with ties, and some articles undated.
func decayTimes(rng *rand.Rand, n int, half time.Duration) []time.Time {
	start := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)
	ts := make([]time.Time, n)
	for i := range ts {
		if rng.IntN(6) == 0 {
			continue
		}
		burst := time.Duration(rng.IntN(8)) * 250 * half
		ts[i] = start.Add(burst + time.Duration(rng.IntN(40))*half/4)
	}
	return ts
}

// weight is how much an article at u counts seen from t.
func weight(t, u time.Time, half time.Duration) float64 {
	if t.IsZero() || u.IsZero() {
		return 1
	}
	return math.Exp2(-math.Abs(t.Sub(u).Seconds()) / half.Seconds())
}

func near(got, want float64) bool { return math.Abs(got-want) <= 1e-4*max(1, want) }

// TestPrimeDecayed: each dated article of a batch gets, for every term,
// the sum over the batch's articles with the term of 2^(-gap/half-life),
// undated ones counting 1, as a direct sum computes it.
func TestPrimeDecayed(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	p := DefaultParams()
	p.Background = nil
	half := p.DFHalfLife
	const n = 300
	fs := make([]Features, n)
	for i := range fs {
		fs[i] = decayTerms(rng)
	}
	ts := decayTimes(rng, n, half)
	a := NewAssigner(p)
	a.Prime(fs, ts)
	for i, f := range fs {
		if ts[i].IsZero() {
			if f.dfs != nil {
				t.Fatalf("undated article %d got decayed frequencies", i)
			}
			continue
		}
		var docs float64
		for j := range fs {
			docs += weight(ts[i], ts[j], half)
		}
		if !near(float64(f.ndocs), docs) {
			t.Fatalf("article %d: %v articles, want %v", i, f.ndocs, docs)
		}
		for k, term := range f.Terms {
			var df float64
			for j := range fs {
				if hasTerm(fs[j], term.Key) {
					df += weight(ts[i], ts[j], half)
				}
			}
			if !near(float64(f.dfs[k]), df) {
				t.Fatalf("article %d term %d: df %v, want %v", i, term.Key, f.dfs[k], df)
			}
		}
	}
}

func hasTerm(f Features, key uint64) bool {
	for _, t := range f.Terms {
		if t.Key == key {
			return true
		}
	}
	return false
}

// TestStreamDecayed: in a stream, the document frequencies seen after each
// article are the sum over the articles so far of 2^(-age/half-life),
// age counted from the latest publication time, an undated article aged
// from the latest time when it came (the first dated time when none was).
func TestStreamDecayed(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	p := DefaultParams()
	p.Background = nil
	half := p.DFHalfLife
	ts := decayTimes(rng, 400, half)
	ts[0], ts[1] = time.Time{}, time.Time{} // undated before any dated: counted as at the first dated time
	a := NewAssigner(p)
	var counted []time.Time // when each article counted
	var latest time.Time
	var keys [][]uint64
	for i, at := range ts {
		f := decayTerms(rng)
		a.Assign(Doc{ID: string(rune('a'+i%26)) + time.Duration(i).String(), Published: at}, f)
		if at.After(latest) {
			if latest.IsZero() {
				for j := range counted {
					counted[j] = at
				}
			}
			latest = at
		}
		if at.IsZero() {
			at = latest
		}
		counted = append(counted, at)
		var ks []uint64
		for _, term := range f.Terms {
			ks = append(ks, term.Key)
		}
		keys = append(keys, ks)
		if i%37 != 0 {
			continue
		}
		age := func(j int) float64 {
			if latest.IsZero() || counted[j].IsZero() {
				return 1
			}
			return math.Exp2(-latest.Sub(counted[j]).Seconds() / half.Seconds())
		}
		var docs float64
		for j := range counted {
			docs += age(j)
		}
		if got := float64(a.ndocs * a.countScale()); !near(got, docs) {
			t.Fatalf("after %d articles: %v articles, want %v", i+1, got, docs)
		}
		ids := a.vocab.intern(f.Terms, nil, nil)
		for k, term := range f.Terms {
			var df float64
			for j := range counted {
				for _, key := range keys[j] {
					if key == term.Key {
						df += age(j)
					}
				}
			}
			if got := float64(a.vocab.terms[ids[k]].df * a.countScale()); !near(got, df) {
				t.Fatalf("after %d articles, term %d: df %v, want %v", i+1, term.Key, got, df)
			}
		}
	}
}
