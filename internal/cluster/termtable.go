package cluster

// termTable maps term keys (xxh3 hashes, so already uniform) to dense ids:
// open addressing with linear probing, at most half full. Unlike a Go map
// it lets a look-up of many keys first read all their home slots (warm),
// so that their cache misses overlap instead of coming one after another.
type termTable struct {
	keys []uint64 // slot keys; 0 marks an empty slot (see slotKey)
	ids  []int32
	n    int
	sink uint64 // what warm read, kept so that its reads are not dropped
}

// slotKey moves the key 0 elsewhere, so that 0 can mark empty slots. The
// two keys then share an id, a collision as likely as any other of xxh3's.
func slotKey(k uint64) uint64 { return max(k, 1) }

func (t *termTable) home(k uint64) int { return int(k>>1) & (len(t.keys) - 1) }

// warm reads the home slots of all of keys' terms.
func (t *termTable) warm(terms []Term) {
	if len(t.keys) == 0 {
		return
	}
	var s uint64
	for _, term := range terms {
		s += t.keys[t.home(slotKey(term.Key))]
	}
	t.sink += s
}

// get returns the id of key k, or adds k with id next and returns that.
func (t *termTable) get(k uint64, next int32) (id int32, added bool) {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	k = slotKey(k)
	mask := len(t.keys) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.ids[i], false
		case 0:
			t.keys[i], t.ids[i] = k, next
			t.n++
			return next, true
		}
	}
}

func (t *termTable) grow() {
	old, oldIDs := t.keys, t.ids
	size := max(1024, 2*len(old))
	t.keys, t.ids = make([]uint64, size), make([]int32, size)
	mask := size - 1
	for j, k := range old {
		if k == 0 {
			continue
		}
		i := t.home(k)
		for t.keys[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.ids[i] = k, oldIDs[j]
	}
}
