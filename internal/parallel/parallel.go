// Package parallel runs independent per-item work on a bounded number of
// goroutines. Results go into per-index slots, so they never depend on the
// number of workers.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(i) for every i in [0, n) on up to workers goroutines
// (GOMAXPROCS when workers <= 0), handing out indexes in small blocks.
func For(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(n, 1))
	if workers == 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	const block = 16
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(block)) - block
				if start >= n {
					return
				}
				for i := start; i < min(start+block, n); i++ {
					fn(i)
				}
			}
		}()
	}
	wg.Wait()
}
