// Package server is sitrep's HTTP face: a JSON API described by an OpenAPI
// 3.1 document (/openapi.json), a server-rendered web UI that reads without
// JavaScript, an Atom feed of stories, Prometheus metrics, and a poller
// that reads the stored feeds on a schedule. Writes go through the same
// pipeline as 'sitrep ingest' and are followed by a re-analysis of copies
// and stories in the background; briefs are built on demand and cached
// until the next analysis.
//
// All article text is untrusted: every page escapes it (html/template), a
// strict Content-Security-Policy forbids inline script, and writes need a
// bearer token whenever the server listens beyond loopback.
package server
