package words

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/zeebo/xxh3"
)

// A cache answers what its function answers, from any goroutine, computes
// a word once while there is room, and stops growing when full.
func TestCacheAnswersLikeItsFunction(t *testing.T) {
	var calls atomic.Int64
	stemHash := func(w []byte) uint64 { calls.Add(1); return xxh3.HashString(Stem(string(w))) }
	c := NewCache(stemHash)
	var ws [][]byte
	for i := range 2000 {
		ws = append(ws, fmt.Appendf(nil, "reporting%d", i%500))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ws {
				w := ws[(i+g*37)%len(ws)]
				if got, want := c.Get(w, xxh3.Hash(w)), xxh3.HashString(Stem(string(w))); got != want {
					t.Errorf("Get(%q) = %x, want %x", w, got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := calls.Load(); n < 500 || n > 4*500 {
		t.Errorf("%d computations for 500 distinct words", n)
	}
	before := calls.Load()
	for _, w := range ws[:500] {
		c.Get(w, xxh3.Hash(w))
	}
	if calls.Load() != before {
		t.Errorf("cached words were computed again")
	}
	full := NewCache(func(w []byte) uint64 { return uint64(len(w)) })
	for i := range 1<<cacheBits + 5000 {
		w := fmt.Appendf(nil, "w%d", i)
		if got := full.Get(w, xxh3.Hash(w)); got != uint64(len(w)) {
			t.Fatalf("Get(%q) = %d when full", w, got)
		}
	}
	if total := full.size(); total > 1<<cacheBits || total < 1<<(cacheBits-1) {
		t.Errorf("cache holds %d words; want between half and all of its %d slots", total, 1<<cacheBits)
	}
}
