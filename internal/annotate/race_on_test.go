//go:build race

package annotate

// raceDetector: tests that only compare outputs read fewer real texts
// under the race detector, which makes them ten times slower.
const raceDetector = true
