package extract

import (
	"math"
	"testing"
)

func TestShingleScore(t *testing.T) {
	for _, tc := range []struct {
		truth, pred string
		p, r        float64
	}{
		{"a b c d e", "a b c d e", 1, 1},
		{"", "", 1, 1},
		{"a b c d e", "", 0, 0},
		// truth shingles: abcd, bcde; pred: abcd, bcdx -> tp 1, fp 1, fn 1
		{"a b c d e", "a, b; c d x", 0.5, 0.5},
		// pred adds a page's furniture: 2 of 4 pred shingles are right
		{"a b c d e", "a b c d e f g", 0.5, 1},
	} {
		p, r := ShingleScore(tc.truth, tc.pred)
		if math.Abs(p-tc.p) > 1e-9 || math.Abs(r-tc.r) > 1e-9 {
			t.Errorf("ShingleScore(%q, %q) = %.3f, %.3f; want %.3f, %.3f", tc.truth, tc.pred, p, r, tc.p, tc.r)
		}
	}
}
