package copies

// A shingle set is kept as its distinct hashes in text order: removing
// repeats through a small hash table costs a fraction of sorting them, and
// containment is counted through the same kind of table built for the
// query, once per match and only when a candidate needs it.

// hashSet is an open-addressing set of 32-bit hashes; 0 marks an empty
// slot, and whether 0 itself is in the set is kept apart.
type hashSet struct {
	slots []uint32
	shift uint32 // 32 - log2(len(slots))
	zero  bool
}

// reset empties the set and sizes it for n hashes at most half full.
func (t *hashSet) reset(n int) {
	size, bits := 16, uint32(4)
	for size < 2*n {
		size, bits = 2*size, bits+1
	}
	if cap(t.slots) < size {
		t.slots = make([]uint32, size)
	}
	t.slots = t.slots[:size]
	clear(t.slots)
	t.shift, t.zero = 32-bits, false
}

// add inserts h and reports whether it was new.
func (t *hashSet) add(h uint32) bool {
	if h == 0 {
		was := t.zero
		t.zero = true
		return !was
	}
	mask := uint32(len(t.slots) - 1)
	i := (h * 0x9e3779b1) >> t.shift
	for t.slots[i] != 0 {
		if t.slots[i] == h {
			return false
		}
		i = (i + 1) & mask
	}
	t.slots[i] = h
	return true
}

// has reports whether h is in the set.
func (t *hashSet) has(h uint32) bool {
	if h == 0 {
		return t.zero
	}
	mask := uint32(len(t.slots) - 1)
	for i := (h * 0x9e3779b1) >> t.shift; t.slots[i] != 0; i = (i + 1) & mask {
		if t.slots[i] == h {
			return true
		}
	}
	return false
}

// distinct removes repeats from hs in place, keeping first occurrences in
// order, with t as scratch.
func distinct(hs []uint32, t *hashSet) []uint32 {
	t.reset(len(hs))
	out := hs[:0]
	for _, h := range hs {
		if t.add(h) {
			out = append(out, h)
		}
	}
	return out
}

// sharedWith counts the elements of the distinct hashes b that are in t.
func sharedWith(t *hashSet, b []uint32) int {
	n := 0
	for _, h := range b {
		if t.has(h) {
			n++
		}
	}
	return n
}
