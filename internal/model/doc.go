// Package model holds the plain values that flow through sitrep: articles and
// the results attached to them by later stages. It imports no storage, CLI or
// HTTP code, so every stage and backend can depend on it.
package model
