// Package words holds the small text primitives several stages share: word
// tokens and their hashes, English stop words, a cached Snowball stemmer and
// a light sentence splitter. It knows nothing about articles or stages.
package words
