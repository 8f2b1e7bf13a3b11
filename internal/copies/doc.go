// Package copies finds which reports copy which: exact copies (the same
// normalised text), near copies (MinHash over word shingles, LSH banding),
// partial copies (one body largely contained in another, estimated from
// content-sampled shingles) and paraphrase copies (most sentences of one
// align, by stemmed content words, with sentences of the other).
//
// Sign is pure and safe for concurrent use; an Index is fed in publication
// order by one goroutine, and Match never changes it, so results depend only
// on the order of the input, never on the number of workers. The package
// knows nothing of stores, stories or the CLI.
package copies
