package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestTermTable(t *testing.T) {
	var tab termTable
	rng := rand.New(rand.NewPCG(1, 2))
	keys := []uint64{2, 3, 1 << 63}
	for range 100_000 {
		keys = append(keys, rng.Uint64())
	}
	want := map[uint64]int32{}
	for _, k := range keys {
		id, added := tab.get(k, int32(len(want)))
		if w, seen := want[k]; seen {
			if added || id != w {
				t.Fatalf("key %x: id %d (added %v), want %d", k, id, added, w)
			}
			continue
		}
		if !added || id != int32(len(want)) {
			t.Fatalf("new key %x: id %d (added %v), want a new id %d", k, id, added, len(want))
		}
		want[k] = id
	}
	for k, w := range want { // after every growth
		if id, added := tab.get(k, -1); added || id != w {
			t.Fatalf("key %x: id %d after growth, want %d", k, id, w)
		}
	}
	if 2*tab.n > len(tab.keys) {
		t.Fatalf("%d keys in %d slots: over half full", tab.n, len(tab.keys))
	}
	// 0 marks empty slots, so it shares 1's id.
	one, _ := tab.get(1, 7)
	if zero, added := tab.get(0, 8); added || zero != one {
		t.Fatalf("key 0: id %d (added %v), want key 1's %d", zero, added, one)
	}
}

func randomVector(rng *rand.Rand, n int) []wterm {
	v := make([]wterm, n)
	for i := range v {
		v[i] = wterm{uint32(rng.IntN(400)), float32(rng.IntN(20)) / 8} // ties on purpose
	}
	return v
}

func TestHeaviestMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var out []wterm
	var keys []uint64
	for range 500 {
		v := randomVector(rng, rng.IntN(200))
		n := 1 + rng.IntN(40)
		want := slices.Clone(v)
		slices.SortStableFunc(want, byWeight)
		want = want[:min(n, len(want))]
		out = heaviest(v, n, out, &keys)
		if !slices.Equal(out, want) {
			t.Fatalf("heaviest %d of %v:\n got %v\nwant %v", n, v, out, want)
		}
	}
}

// mergeDot is the dot product by merging two vectors sorted by id.
func mergeDot(x, y []wterm) float64 {
	var s float64
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].id < y[j].id:
			i++
		case x[i].id > y[j].id:
			j++
		default:
			s += float64(x[i].w) * float64(y[j].w)
			i++
			j++
		}
	}
	return s
}

func TestDotQueryMatchesMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	a := NewAssigner(DefaultParams())
	a.vocab.terms = make([]termStat, 400)
	unique := func(v []wterm) []wterm {
		slices.SortFunc(v, func(x, y wterm) int { return int(x.id) - int(y.id) })
		return slices.CompactFunc(v, func(x, y wterm) bool { return x.id == y.id })
	}
	for range 200 {
		q, o := unique(randomVector(rng, 60)), unique(randomVector(rng, 120))
		a.spread(q)
		got := a.dotQuery(o)
		a.clear(q)
		if want := mergeDot(q, o); math.Abs(got-want) > 1e-9 {
			t.Fatalf("dotQuery %v, merge %v", got, want)
		}
		if slices.ContainsFunc(a.qw, func(w float32) bool { return w != 0 }) {
			t.Fatal("clear left weights behind")
		}
	}
}
