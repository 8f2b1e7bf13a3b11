package copies

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// postings lists, for every key, the documents added under it newest first,
// whether or not add is given where each found the key, across growth and
// reservations (up front, and of a table already holding keys), and skips
// keys with more documents than the limit.
func TestPostingsListDocumentsNewestFirst(t *testing.T) {
	for _, reserved := range []bool{false, true} {
		testPostings(t, reserved)
	}
}

func testPostings(t *testing.T, reserved bool) {
	r := rand.New(rand.NewPCG(3, 4))
	p := newPostings()
	if reserved {
		p.reserve(1000)
	}
	want := map[uint64][]int32{}
	for doc := range int32(20000) {
		if reserved && doc == 5000 {
			p.reserve(30000)
		}
		for range 1 + r.IntN(4) {
			key := uint64(r.IntN(5000)) * 0x9e3779b97f4a7c15 // hashes, as the index's keys are
			if r.IntN(10) == 0 {
				key = 0x51ed270b27b6b3d5 // one key with a long list
			}
			var ref slotRef
			if r.IntN(2) == 0 {
				ref = p.each(key, 1<<30, func(int32) {})
			}
			p.add(key, doc, ref)
			want[key] = append([]int32{doc}, want[key]...)
		}
	}
	for key, docs := range want {
		var got []int32
		p.each(key, 1<<30, func(d int32) { got = append(got, d) })
		if !slices.Equal(got, docs) {
			t.Fatalf("key %x: %d documents %v…, want %d %v…", key, len(got), got[:min(5, len(got))], len(docs), docs[:min(5, len(docs))])
		}
		visited := 0
		p.each(key, len(docs)-1, func(int32) { visited++ })
		if visited != 0 {
			t.Fatalf("key %x with %d documents visited %d over a limit of %d", key, len(docs), visited, len(docs)-1)
		}
	}
	p.each(12345, 1<<30, func(int32) { t.Fatal("a key never added has documents") })
	if len(want) < 4000 {
		t.Fatalf("only %d keys: the test exercises too little", len(want))
	}
}

// docFreqs counts each document once per term, however often the term
// comes, across growth.
func TestDocFreqsCountDocumentsOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	f := newDocFreqs()
	want := map[uint32]int32{}
	for doc := range int32(3000) {
		seen := map[uint32]bool{}
		for range 1 + r.IntN(30) {
			term := uint32(r.IntN(2000)) * 0x9e3779b1
			f.count(term, doc)
			if !seen[term] {
				seen[term] = true
				want[term]++
			}
		}
	}
	for term, n := range want {
		if got := f.get(term); got != n {
			t.Fatalf("term %x: %d documents, want %d", term, got, n)
		}
	}
	if got := f.get(12345); got != 0 {
		t.Errorf("a term never counted has %d documents", got)
	}
}

// distinct keeps the first occurrence of every hash in order, zero
// included, and sharedWith counts common hashes as a map would.
func TestDistinctAndSharedWith(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var scratch, q hashSet
	for trial := range 200 {
		n := r.IntN(300)
		hs := make([]uint32, n)
		for i := range hs {
			hs[i] = uint32(r.IntN(2*n + 1)) // repeats and zeros
		}
		var want []uint32
		seen := map[uint32]bool{}
		for _, h := range hs {
			if !seen[h] {
				seen[h] = true
				want = append(want, h)
			}
		}
		got := distinct(slices.Clone(hs), &scratch)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: distinct(%v) = %v, want %v", trial, hs, got, want)
		}
		other := distinct([]uint32{0, 1, 2, 3, uint32(r.IntN(2*n + 1)), uint32(r.IntN(2*n + 1))}, &hashSet{})
		q.reset(len(got))
		for _, h := range got {
			q.add(h)
		}
		common := 0
		for _, h := range other {
			if seen[h] {
				common++
			}
		}
		if c := sharedWith(&q, other); c != common {
			t.Fatalf("trial %d: sharedWith = %d, want %d", trial, c, common)
		}
	}
}
