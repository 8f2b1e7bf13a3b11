//go:build !race

package annotate

const raceDetector = false
