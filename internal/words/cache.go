package words

import "sync"

// cacheShards and maxShardEntries size a Cache: 64 shards of up to 16,384
// words, a million in all, past which rare words are computed anew.
const (
	cacheShards     = 64
	maxShardEntries = 1 << 14
)

// Cache memoises a function of a lower-cased word (its stem's hash, say),
// keyed by the word's 64-bit hash: news vocabulary is small next to its
// volume, and stemming is most of the cost of reading a text otherwise. It
// is safe for concurrent use, sharded so that many cores rarely meet on one
// lock, and its answers never depend on what it holds.
type Cache struct {
	compute func(w []byte) uint64
	shards  [cacheShards]struct {
		mu sync.RWMutex
		m  map[uint64]uint64
		_  [32]byte // one shard per cache line
	}
}

// NewCache returns a cache of compute.
func NewCache(compute func(w []byte) uint64) *Cache { return &Cache{compute: compute} }

// Get returns compute(w), h being the xxh3 hash of w.
func (c *Cache) Get(w []byte, h uint64) uint64 {
	sh := &c.shards[h%cacheShards]
	sh.mu.RLock()
	v, ok := sh.m[h]
	sh.mu.RUnlock()
	if ok {
		return v
	}
	v = c.compute(w)
	sh.mu.Lock()
	if sh.m == nil {
		sh.m = map[uint64]uint64{}
	}
	if len(sh.m) < maxShardEntries {
		sh.m[h] = v
	}
	sh.mu.Unlock()
	return v
}
