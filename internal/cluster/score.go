package cluster

import "github.com/sitrep/sitrep/internal/metric"

// Scores compares a clustering with a gold one.
type Scores struct {
	BCubedP, BCubedR, BCubedF float64
	PairP, PairR, PairF       float64
	Docs, Gold, Predicted     int // documents, gold and predicted clusters
}

// Score computes B-cubed (Bagga & Baldwin 1998) and pairwise precision,
// recall and F1 of the predicted cluster keys against the gold ones, both
// given per document.
func Score(gold, pred []string) Scores {
	s := Scores{Docs: len(gold)}
	if len(gold) == 0 || len(gold) != len(pred) {
		return s
	}
	type pair struct{ g, p string }
	both := map[pair]int{}
	ng, np := map[string]int{}, map[string]int{}
	for i := range gold {
		both[pair{gold[i], pred[i]}]++
		ng[gold[i]]++
		np[pred[i]]++
	}
	s.Gold, s.Predicted = len(ng), len(np)
	var tp, gp, pp float64 // same-cluster pairs: in both, in gold, in predicted
	for k, n := range both {
		c := float64(n)
		s.BCubedP += c * c / float64(np[k.p])
		s.BCubedR += c * c / float64(ng[k.g])
		tp += c * (c - 1) / 2
	}
	for _, n := range ng {
		gp += float64(n) * float64(n-1) / 2
	}
	for _, n := range np {
		pp += float64(n) * float64(n-1) / 2
	}
	d := float64(len(gold))
	s.BCubedP, s.BCubedR = s.BCubedP/d, s.BCubedR/d
	s.BCubedF = metric.F1(s.BCubedP, s.BCubedR)
	s.PairP, s.PairR = ratio(tp, pp), ratio(tp, gp)
	s.PairF = metric.F1(s.PairP, s.PairR)
	return s
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}
