package cli

import (
	"fmt"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/pipeline"
)

// progress draws a one-line status on standard error, only when it is a
// terminal and only once the work has taken more than a second.
type progress struct {
	env   *Env
	label string
	mu    sync.Mutex
	start time.Time
	last  time.Time
	shown bool
}

func newProgress(env *Env, label string) *progress {
	return &progress{env: env, label: label, start: time.Now()}
}

func (p *progress) update(r pipeline.Report) {
	if !p.env.StderrTerminal {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.env.Stderr, "\r\033[K%s: %s articles, %s/s, %d errors, %s",
		p.label, thousands(r.Articles()), thousands(int(r.PerSecond())), r.Failed, r.Elapsed.Round(time.Second))
}

// clear removes the line so that a message can be printed in its place.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.env.Stderr, "\r\033[K")
		p.shown = false
	}
}

func (p *progress) done() { p.clear() }
