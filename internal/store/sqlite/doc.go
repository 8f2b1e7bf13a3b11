// Package sqlite is the embedded Store backend: one SQLite file in WAL mode
// through modernc.org/sqlite (pure Go, no cgo), with an FTS5 index over titles
// and texts kept in step by triggers. Every write batch is one transaction, so
// a crash leaves either the whole batch or none of it.
package sqlite
