package metric

import "testing"

func TestF1Ratio(t *testing.T) {
	if F1(0, 0) != 0 || F1(1, 1) != 1 || F1(0.5, 1) != 2.0/3 {
		t.Errorf("F1: %v %v %v", F1(0, 0), F1(1, 1), F1(0.5, 1))
	}
	if Ratio(1, 0) != 0 || Ratio(1, 4) != 0.25 {
		t.Errorf("Ratio: %v %v", Ratio(1, 0), Ratio(1, 4))
	}
}
