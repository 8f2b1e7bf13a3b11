package copies

import "math/bits"

// postings maps a 32-bit key to the documents that carry it, newest first.
// A key's first document is kept in its head, in an open-addressing table:
// most keys (LSH bands, most fingerprints) belong to one document, and
// finding it is one probe. More documents go in blocks of blockDocs, chained
// newest first, so that a long list is read a block, not a document, at a
// time. Blocks are stored in fixed chunks: no per-key allocation, nothing
// for the garbage collector to trace, and growth without copying.
type postings struct {
	slots  []postingHead // power-of-two size; key 0 marks an empty slot
	shift  uint          // 64 - log2(len(slots))
	used   int
	chunks [][]postingBlock
	n      int32 // blocks stored
}

type postingHead struct {
	key   uint32 // the key, with zero mapped to one (see slotKey)
	count int32  // documents under the key
	last  int32  // the document when count is 1, else the newest block
}

// blockDocs documents per block; the last word links the previous block.
const blockDocs = 7

type postingBlock [blockDocs + 1]int32

// chunkBits sizes the chunks of blocks: 16,384 blocks (512 KiB) each.
const chunkBits = 14

func newPostings() postings { return postings{slots: make([]postingHead, 16), shift: 64 - 4} }

// slotKey folds a key to 32 bits, keeping 0 free to mark empty slots. Keys
// that fold alike share a list, which costs at most a spurious candidate
// that verification drops.
func slotKey(key uint64) uint32 { return max(uint32(key>>32)^uint32(key), 1) }

// home is the slot where the probe for key starts.
func (p *postings) home(key uint32) int { return int((uint64(key) * 0x9e3779b97f4a7c15) >> p.shift) }

// warm reads the home slot of key and returns its key, for the caller to
// keep: called for every key of a query before any is looked up, it brings
// the slots into cache with their memory accesses overlapped, where find,
// whose every probe waits for the one before, would take one miss at a time.
func (p *postings) warm(key uint64) uint32 { return p.slots[p.home(slotKey(key))].key }

// find returns the slot of key, or the empty slot where it would go.
func (p *postings) find(key uint32) int {
	mask := len(p.slots) - 1
	for i := p.home(key); ; i = (i + 1) & mask {
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
	k := slotKey(key)
	if 4*(p.used+1) > 3*len(p.slots) {
		p.grow()
	}
	at := int(ref.at)
	if int(ref.size) != len(p.slots) || p.slots[at].key != k && p.slots[at].key != 0 {
		at = p.find(k)
	}
	h := &p.slots[at]
	switch {
	case h.key == 0:
		*h = postingHead{key: k, count: 1, last: doc}
		p.used++
		return
	case h.count == 1:
		b := p.newBlock(-1)
		p.block(b)[0], p.block(b)[1] = h.last, doc
		h.last = b
	default:
		if fill := newestFill(h.count); fill == blockDocs {
			b := p.newBlock(h.last)
			p.block(b)[0] = doc
			h.last = b
		} else {
			p.block(h.last)[fill] = doc
		}
	}
	h.count++
}

// newestFill is how many documents the newest block of a list of count (at
// least two) holds.
func newestFill(count int32) int { return int(count-1)%blockDocs + 1 }

func (p *postings) newBlock(prev int32) int32 {
	b := p.n
	if int(b>>chunkBits) == len(p.chunks) {
		p.chunks = append(p.chunks, make([]postingBlock, 0, 1<<chunkBits))
	}
	c := &p.chunks[b>>chunkBits]
	*c = append(*c, postingBlock{blockDocs: prev})
	p.n++
	return b
}

func (p *postings) block(b int32) *postingBlock {
	return &p.chunks[b>>chunkBits][b&(1<<chunkBits-1)]
}

// reserve sizes the table for keys keys at most three quarters full, so
// that adding them never grows it: growing rehashes every key into fresh
// memory, the largest cost of building a big index.
func (p *postings) reserve(keys int) {
	size := len(p.slots)
	for 3*size < 4*keys {
		size *= 2
	}
	if size > len(p.slots) {
		p.resize(size)
	}
}

// grow doubles the table, keeping it at most three quarters full: linear
// probing stays short at that load, and the slots are most of the index.
func (p *postings) grow() { p.resize(2 * len(p.slots)) }

// resize rehashes the table into size slots, a power of two.
func (p *postings) resize(size int) {
	old := p.slots
	p.slots = make([]postingHead, size)
	p.shift = uint(64 - bits.TrailingZeros(uint(size)))
	for _, s := range old {
		if s.key != 0 {
			p.slots[p.find(s.key)] = s
		}
	}
}

// each calls fn for the documents under key, newest first; a key with more
// than limit documents is skipped altogether (boilerplate). It returns
// where it found the key, for add.
func (p *postings) each(key uint64, limit int, fn func(doc int32)) slotRef {
	at := p.find(slotKey(key))
	ref := slotRef{int32(at), int32(len(p.slots))}
	h := &p.slots[at]
	switch {
	case h.key == 0 || int(h.count) > limit:
	case h.count == 1:
		fn(h.last)
	default:
		fill := newestFill(h.count)
		for b := h.last; b >= 0; fill = blockDocs {
			blk := p.block(b)
			for i := fill - 1; i >= 0; i-- {
				fn(blk[i])
			}
			b = blk[blockDocs]
		}
	}
	return ref
}

func (p *postings) bytes() int {
	return len(p.slots)*12 + len(p.chunks)*(1<<chunkBits)*4*(blockDocs+1)
}
