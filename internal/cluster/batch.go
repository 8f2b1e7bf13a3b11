package cluster

import (
	"slices"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/parallel"
)

// Cluster assigns every document to a story and returns the story keys in
// input order. Features are extracted on up to workers goroutines; the
// assignment runs in publication-time order (model.Chronological), then the
// links are judged again with every article's final neighbours (Relink).
// The result does not depend on workers.
func Cluster(docs []Doc, p Params, workers int) []string {
	fs := make([]Features, len(docs))
	parallel.For(len(docs), workers, func(i int) { fs[i] = Extract(docs[i].Title, docs[i].Text, p) })
	times := make([]time.Time, len(docs))
	for i, d := range docs {
		times[i] = d.Published
	}
	a := NewAssigner(p)
	a.Prime(fs, times)
	if !slices.ContainsFunc(times, time.Time.IsZero) {
		a.DatedStream() // in time order below
	}
	pos := make([]int32, len(docs))
	for _, i := range model.Chronological(times) {
		pos[i] = a.Assign(docs[i], fs[i])
	}
	a.Relink()
	out := make([]string, len(docs))
	for i := range docs {
		out[i] = a.Story(pos[i])
	}
	return out
}
