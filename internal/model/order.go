package model

import (
	"sort"
	"time"
)

// Chronological returns the indexes of times in processing order: known
// times first, earliest first, ties and unknown (zero) times in input order.
// Stages that must see an original before its copies process in this order.
func Chronological(times []time.Time) []int {
	idx := make([]int, len(times))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ta, tb := times[idx[a]], times[idx[b]]
		if ta.IsZero() || tb.IsZero() {
			return !ta.IsZero() && tb.IsZero()
		}
		return ta.Before(tb)
	})
	return idx
}
