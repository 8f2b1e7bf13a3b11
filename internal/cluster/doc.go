// Package cluster groups reports of the same event into stories: online,
// in publication-time order, each article compared with the recent stories
// that share its most telling terms and names (a windowed inverted index),
// and joined to the best one when the content similarity, corrected for the
// time gap, clears a fixed threshold. Copies join their original's story,
// so a copy group is never split. A deterministic repair pass then moves
// articles that fit another story better and merges stories that describe
// one event.
//
// The package is pure: documents in, story keys and summaries out. It does
// not read or write the store.
package cluster
