package sorted

import (
	"slices"
	"testing"
)

func TestCommon(t *testing.T) {
	a := []int{1, 3, 5, 7, 9}
	b := []int{0, 3, 4, 5, 9, 10}
	var got [][2]int
	Common(a, b, func(i, j int) { got = append(got, [2]int{i, j}) })
	want := [][2]int{{1, 1}, {2, 3}, {4, 4}}
	if !slices.Equal(got, want) {
		t.Errorf("Common = %v, want %v", got, want)
	}
	Common(a, nil, func(int, int) { t.Error("nothing is common with an empty set") })
}
