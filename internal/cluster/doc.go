// Package cluster groups reports of the same event into stories, online, in
// publication-time order. Each article is a TF-IDF vector over stemmed
// words and names, the document frequencies decaying with the time between
// articles (decay.go); an inverted index finds the earlier articles sharing its
// heaviest terms, and every article keeps its nearest neighbours (earlier
// articles take a later one into their lists when it is nearer). Two
// articles are linked when one is among the other's nearest, they are
// similar enough once the time gap and conflicting years are counted, and
// they share nearest neighbours, more of them when only one of the two is
// among the other's nearest (or both sit in a sparse neighbourhood).
// Stories are the connected groups of links; copies join their original's
// story, so a copy group is never split. Summarize describes a story;
// Score compares a clustering with a gold one (B-cubed and pairwise).
//
// The package is pure: documents in, story keys and summaries out. It does
// not read or write the store.
package cluster
