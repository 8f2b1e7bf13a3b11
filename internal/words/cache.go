package words

import (
	"sync"
	"sync/atomic"
)

// cacheBits and cacheProbe size a Cache: 2^18 slots (4 MiB, taken on first
// use), a word looked for in at most cacheProbe slots from its home, past
// which it is computed anew.
const (
	cacheBits  = 18
	cacheProbe = 8
)

// Cache memoises a function of a lower-cased word (its stem's hash, say),
// keyed by the word's 64-bit hash: news vocabulary is small next to its
// volume, and stemming is most of the cost of reading a text otherwise. It
// is safe for concurrent use without locks: a slot is written once, its
// value before its key, and readers trust only a published key. Its answers
// never depend on what it holds.
type Cache struct {
	compute func(w []byte) uint64
	once    sync.Once
	slots   []cacheSlot
}

// cacheSlot holds one word: key 0 marks an empty slot, 1 one being written.
type cacheSlot struct{ key, val atomic.Uint64 }

// NewCache returns a cache of compute.
func NewCache(compute func(w []byte) uint64) *Cache { return &Cache{compute: compute} }

// Get returns compute(w), h being the xxh3 hash of w.
func (c *Cache) Get(w []byte, h uint64) uint64 {
	c.once.Do(func() { c.slots = make([]cacheSlot, 1<<cacheBits) })
	key := max(h, 2)
	mask := uint64(len(c.slots) - 1)
	for p := uint64(0); p < cacheProbe; p++ {
		s := &c.slots[(h+p)&mask]
		switch s.key.Load() {
		case key:
			return s.val.Load()
		case 0:
			v := c.compute(w)
			if s.key.CompareAndSwap(0, 1) {
				s.val.Store(v)
				s.key.Store(key)
			}
			return v
		}
	}
	return c.compute(w)
}

// size counts the words the cache holds.
func (c *Cache) size() int {
	n := 0
	for i := range c.slots {
		if c.slots[i].key.Load() > 1 {
			n++
		}
	}
	return n
}
