// Package annotate reads a clean report: sentences, time expressions with
// resolved values, and (in further files) entities, quotes and credits.
// Everything is rules and lexicons, no model weights; every annotation
// carries offsets into the text.
//
// Offsets inside the package are byte offsets; Span converts them to the
// Unicode code point offsets of the public JSON contract.
package annotate
