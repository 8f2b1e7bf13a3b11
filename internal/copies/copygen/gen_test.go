package copygen

import (
	"context"
	"testing"

	"github.com/sitrep/sitrep/internal/copies"
	"github.com/sitrep/sitrep/internal/corpustest"
)

// realSet builds the evaluation set: BBC and Reuters-21578 originals, other
// Reuters stories as hosts for reprints, perKind generated copies per kind.
func realSet(t testing.TB, perKind int) []Doc {
	t.Helper()
	bbc := corpustest.Shared(t, "corpus/bbc.jsonl.gz")
	reuters := corpustest.Shared(t, "corpus/reuters21578.jsonl.gz")
	b, err := Load(context.Background(), []string{bbc}, 60)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Load(context.Background(), []string{reuters}, 60)
	if err != nil {
		t.Fatal(err)
	}
	originals := append(b, r[:4000]...)
	return Generate(originals, r[4000:6000], perKind, 1)
}

func TestGeneratedSetTargets(t *testing.T) {
	set := realSet(t, 300)
	docs := make([]copies.Doc, len(set))
	for i, d := range set {
		docs[i] = d.Doc
	}
	p := copies.DefaultParams()
	rep := Score(set, copies.Detect(docs, p, 0), p)
	t.Logf("precision %.4f (%d/%d links); exact+near+partial %.4f; by type %v; among originals %d (%d confirmed)",
		rep.Precision(), rep.Correct, rep.Predicted, rep.Precision(copies.Exact, copies.Near, copies.Partial), rep.ByType, rep.AmongOriginals, rep.AmongOriginalsConfirmed)
	for _, k := range rep.Kinds {
		t.Logf("%-12s recall %.4f (%d/%d) types %v", k.Kind, k.Recall(), k.Found, k.Total, k.Types)
	}
	for _, w := range rep.Wrong {
		t.Logf("wrong: %s", w)
	}
	if p := rep.Precision(copies.Exact, copies.Near, copies.Partial); p < 0.99 {
		t.Errorf("precision of exact, near and partial links %.4f < 0.99", p)
	}
	for _, k := range rep.Kinds {
		switch k.Kind {
		case KindExact, KindBoilerplate, KindTruncated, KindReprint, KindEdited:
			if k.Recall() < 0.98 {
				t.Errorf("%s recall %.4f < 0.98", k.Kind, k.Recall())
			}
		}
	}
}
