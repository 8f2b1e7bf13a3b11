// Package pipeline is the one orchestrator: it reads input through the source
// package, runs the per-article stages on a bounded pool of workers, and
// writes the results through the store.Store interface in ordered batches,
// one transaction each. Stage packages stay pure; only this package ties them
// to input and storage.
package pipeline
