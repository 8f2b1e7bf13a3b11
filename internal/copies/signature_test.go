package copies

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// The densified one-permutation MinHash estimates the Jaccard similarity of
// shingle sets without bias, for short texts (most bins empty) as for long
// ones, and every bin of a signed text is filled.
func TestMinHashEstimatesJaccard(t *testing.T) {
	p := DefaultParams()
	for _, n := range []int{16, 40, 300} {
		for _, keep := range []float64{0.3, 0.6, 0.9} {
			sum, trials := 0.0, 200
			for trial := range trials {
				a, b := make([]string, n), make([]string, n)
				for i := range a {
					a[i] = fmt.Sprintf("w%d_%d", trial, i)
					b[i] = a[i]
					if float64(i%100) >= 100*keep {
						b[i] = fmt.Sprintf("x%d_%d", trial, i)
					}
				}
				sa, sb := Sign(strings.Join(a, " "), p), Sign(strings.Join(b, " "), p)
				for i, v := range sa.Min {
					if v == ^uint32(0) {
						t.Fatalf("n=%d: bin %d left empty", n, i)
					}
				}
				var qa hashSet
				qa.reset(len(sa.Set))
				for _, h := range sa.Set {
					qa.add(h)
				}
				common := sharedWith(&qa, sb.Set)
				sum += jaccardMin(&sa.Min, &sb.Min) - float64(common)/float64(len(sa.Set)+len(sb.Set)-common)
			}
			if bias := sum / float64(trials); math.Abs(bias) > 0.03 {
				t.Errorf("n=%d words, %.0f%% kept: mean estimate error %.3f", n, 100*keep, bias)
			}
		}
	}
}
