package copies

// postings maps a 64-bit key to the documents that carry it, newest first,
// as linked lists threaded through flat blocks of entries: no per-key
// allocation, nothing for the garbage collector to trace, and growth
// without copying what is already stored. The heads live in an
// open-addressing table: one probe is usually one cache line.
type postings struct {
	slots  []postingHead // power-of-two size; key 0 marks an empty slot
	used   int
	blocks [][]postingEntry
	n      int32 // entries stored
}

type postingHead struct {
	key   uint64 // the key, with zero mapped to one (see slotKey)
	first int32  // newest entry
	count int32  // entries under the key
}

type postingEntry struct {
	doc  int32
	next int32 // the previous entry under the same key, or -1
}

// blockBits sizes the blocks: up to 65,536 entries (512 KiB) each.
const blockBits = 16

func newPostings() postings { return postings{slots: make([]postingHead, 16)} }

// slotKey keeps key 0 free to mark empty slots. Keys 0 and 1 share a list,
// which costs at most a spurious candidate that verification drops.
func slotKey(key uint64) uint64 { return max(key, 1) }

// find returns the slot of key, or the empty slot where it would go.
func (p *postings) find(key uint64) int {
	mask := len(p.slots) - 1
	for i := int(fmix(key)) & mask; ; i = (i + 1) & mask {
		if s := &p.slots[i]; s.key == key || s.key == 0 {
			return i
		}
	}
}

// slotRef is where each found a key, so that adding under it need not look
// again: a slot stays the key's, or stays the empty slot it would take,
// until the table grows (keys are never removed). The zero slotRef is none.
type slotRef struct{ at, size int32 }

// add appends doc under key; ref is where each found key, or the zero
// slotRef.
func (p *postings) add(key uint64, doc int32, ref slotRef) {
	key = slotKey(key)
	if 4*(p.used+1) > 3*len(p.slots) {
		p.grow()
	}
	e := p.n
	if int(e>>blockBits) == len(p.blocks) {
		p.blocks = append(p.blocks, nil) // grows by appending up to its full size
	}
	at := int(ref.at)
	if int(ref.size) != len(p.slots) || p.slots[at].key != key && p.slots[at].key != 0 {
		at = p.find(key)
	}
	h := &p.slots[at]
	next := int32(-1)
	if h.key == 0 {
		h.key = key
		p.used++
	} else {
		next = h.first
	}
	b := &p.blocks[e>>blockBits]
	*b = append(*b, postingEntry{doc: doc, next: next})
	h.first, h.count = e, h.count+1
	p.n++
}

// grow doubles the table, keeping it at most three quarters full: linear
// probing stays short at that load, and the slots are most of the index.
func (p *postings) grow() {
	old := p.slots
	p.slots = make([]postingHead, 2*len(old))
	for _, s := range old {
		if s.key != 0 {
			p.slots[p.find(s.key)] = s
		}
	}
}

func (p *postings) at(e int32) postingEntry { return p.blocks[e>>blockBits][e&(1<<blockBits-1)] }

// each calls fn for the documents under key, newest first; a key with more
// than limit documents is skipped altogether (boilerplate). It returns
// where it found the key, for add.
func (p *postings) each(key uint64, limit int, fn func(doc int32)) slotRef {
	at := p.find(slotKey(key))
	ref := slotRef{int32(at), int32(len(p.slots))}
	h := &p.slots[at]
	if h.key == 0 || int(h.count) > limit {
		return ref
	}
	for e := h.first; e >= 0; {
		pe := p.at(e)
		fn(pe.doc)
		e = pe.next
	}
	return ref
}

func (p *postings) bytes() int {
	n := len(p.slots) * 16
	for _, b := range p.blocks {
		n += cap(b) * 8
	}
	return n
}
