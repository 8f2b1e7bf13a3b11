package cluster

// Repair revisits a batch already assigned: for RepairRounds rounds, each
// article that is not a copy moves to the story it now fits best, if that
// is not its own; copies then follow their originals. order is the
// assignment order, which keeps the pass deterministic.
func (a *Assigner) Repair(docs []Doc, fs []Features, order []int) {
	if a.p.RepairRounds == 0 {
		return
	}
	vs := make([][]Term, len(docs))
	for _, i := range order {
		vs[i] = a.vector(&fs[i])
	}
	for range a.p.RepairRounds {
		moved := 0
		for _, i := range order {
			d := docs[i]
			if d.CopyOf != "" {
				continue
			}
			if a.move(d, vs[i]) {
				moved++
			}
		}
		if moved == 0 {
			break
		}
	}
	for _, i := range order {
		d := docs[i]
		if o, ok := a.storyOf[d.CopyOf]; ok && d.CopyOf != "" {
			a.storyOf[d.ID] = a.root(o)
		}
	}
}

// move takes article d (unit vector v) out of its story and puts it in the
// best-fitting one; it reports whether that is another story.
func (a *Assigner) move(d Doc, v []Term) bool {
	s := a.root(a.storyOf[d.ID])
	st := a.stories[s]
	a.addVector(st, v, -1)
	st.size--
	own := 0.0
	if st.size > 0 {
		own = a.score(v, d.Published, st)
	}
	best, score := a.best(v, d.Published, s)
	if best < 0 || score <= own || score < a.p.Threshold {
		a.addVector(st, v, 1)
		st.size++
		return false
	}
	a.join(best, v, d.Published)
	a.storyOf[d.ID] = best
	return true
}
