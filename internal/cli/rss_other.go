//go:build !unix

package cli

import "runtime"

// peakRSSMiB falls back to the memory the Go runtime obtained from the OS.
func peakRSSMiB() float64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.Sys) / (1 << 20)
}
