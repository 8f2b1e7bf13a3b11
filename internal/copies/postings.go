package copies

// postings maps a 64-bit key to the documents that carry it, newest first,
// as linked lists threaded through two flat slices: no per-key allocation,
// nothing for the garbage collector to trace.
type postings struct {
	head map[uint64]int32 // key → index of its newest entry, plus one
	doc  []int32
	next []int32 // index of the previous entry with the same key, or -1
}

func newPostings() postings { return postings{head: map[uint64]int32{}} }

func (p *postings) add(key uint64, doc int32) {
	e := int32(len(p.doc))
	p.doc = append(p.doc, doc)
	p.next = append(p.next, p.head[key]-1)
	p.head[key] = e + 1
}

// each calls fn for the documents under key, newest first, at most limit;
// a key with more than limit documents is skipped altogether (boilerplate).
func (p *postings) each(key uint64, limit int, fn func(doc int32)) {
	first := p.head[key] - 1
	n := 0
	for e := first; e >= 0; e = p.next[e] {
		if n++; n > limit {
			return
		}
	}
	for e := first; e >= 0; e = p.next[e] {
		fn(p.doc[e])
	}
}

func (p *postings) bytes() int {
	return len(p.head)*16 + cap(p.doc)*4 + cap(p.next)*4
}
