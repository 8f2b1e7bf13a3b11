// Package source reads articles from outside input: files, directories and
// standard input holding plain text, JSONL (optionally gzipped) or a JSON
// array. Read splits input into raw items, cheaply and in order; Parse maps
// one item to a model.Article and is safe to call from many goroutines, so
// the pipeline can spread the costly part over its workers.
//
// Every problem is reported with the file and line or record it came from,
// and never stops the rest of the input from being read. The package does not
// clean boilerplate or extract HTML main text: later stages do.
package source
