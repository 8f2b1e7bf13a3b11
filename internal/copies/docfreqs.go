package copies

import "math/bits"

// docFreqs counts, for each sentence term, the documents that hold it, in
// an open-addressing table: a document's terms are counted once each
// without sorting them, by remembering the last document that counted a
// term.
type docFreqs struct {
	slots []dfSlot // power-of-two size; docs 0 marks an empty slot
	shift uint     // 64 - log2(len(slots))
	used  int
}

type dfSlot struct {
	term uint32
	docs int32 // documents holding the term
	last int32 // the last document counted
}

func newDocFreqs() docFreqs { return docFreqs{slots: make([]dfSlot, 16), shift: 64 - 4} }

// find returns the slot of term, or the empty slot where it would go.
func (f *docFreqs) find(term uint32) *dfSlot {
	mask := len(f.slots) - 1
	for i := int((uint64(term) * 0x9e3779b97f4a7c15) >> f.shift); ; i = (i + 1) & mask {
		if s := &f.slots[i]; s.term == term || s.docs == 0 {
			return s
		}
	}
}

// count counts document doc for term, once however often it is called.
func (f *docFreqs) count(term uint32, doc int32) {
	if 4*(f.used+1) > 3*len(f.slots) {
		f.grow()
	}
	s := f.find(term)
	switch {
	case s.docs == 0:
		*s = dfSlot{term: term, docs: 1, last: doc}
		f.used++
	case s.last != doc:
		s.docs++
		s.last = doc
	}
}

// get returns the number of documents holding term.
func (f *docFreqs) get(term uint32) int32 { return f.find(term).docs }

func (f *docFreqs) grow() {
	old := f.slots
	f.slots = make([]dfSlot, 2*len(old))
	f.shift = uint(64 - bits.TrailingZeros(uint(len(f.slots))))
	for _, s := range old {
		if s.docs != 0 {
			*f.find(s.term) = s
		}
	}
}

func (f *docFreqs) bytes() int { return len(f.slots) * 12 }
