// Package sorted holds helpers for sets kept as sorted slices.
package sorted

import "cmp"

// Common calls fn with the positions in a and in b of every element the
// two sorted, duplicate-free slices share, in order.
func Common[T cmp.Ordered](a, b []T, fn func(i, j int)) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			fn(i, j)
			i++
			j++
		}
	}
}
