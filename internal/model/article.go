package model

import (
	"encoding/hex"
	"strings"
	"time"
	"unicode"

	"github.com/zeebo/xxh3"
)

// Article is one news report after it has been read from its source and
// cleaned. Times are UTC; a zero Published means the time is unknown.
type Article struct {
	ID           string    `json:"id"`
	URL          string    `json:"url,omitempty"`
	Outlet       string    `json:"outlet,omitempty"`
	Title        string    `json:"title,omitempty"`
	Byline       string    `json:"byline,omitempty"`
	Published    time.Time `json:"published,omitzero"`
	Ingested     time.Time `json:"ingested,omitzero"`
	Lang         string    `json:"lang,omitempty"`
	Text         string    `json:"text"`
	SourceFormat string    `json:"source_format,omitempty"`
	Credits      []string  `json:"credits,omitempty"`
	Dateline     string    `json:"dateline,omitempty"`
	// Removed is what cleanup took out of the body (captions, promos,
	// markers, rules, prompts), kept so nothing of the input is lost.
	Removed []Removed `json:"removed,omitempty"`

	// Hash identifies the content: two articles with the same hash carry the
	// same fields. Stores use it to tell unchanged re-ingests from updates.
	Hash string `json:"hash,omitempty"`

	CopyOf   string  `json:"copy_of,omitempty"`
	CopyType string  `json:"copy_type,omitempty"`
	CopySim  float64 `json:"copy_similarity,omitempty"`
	Story    string  `json:"story,omitempty"`
}

// Removed is one piece of input text the cleanup took out of the body.
type Removed struct {
	Kind string `json:"kind"` // caption, promo, prompt, marker, dateline, rule, credit, signoff, headline, byline, boilerplate
	Text string `json:"text"`
}

// Copy types, as written to Article.CopyType.
const (
	CopyExact      = "exact"
	CopyNear       = "near"
	CopyPartial    = "partial"
	CopyParaphrase = "paraphrase"
)

// DeriveID returns the stable id of an article: the given id if there is one,
// else one derived from the URL, else one derived from the normalised content
// (title and text).
// The same input always yields the same id.
func DeriveID(given, url, content string) string {
	if id := strings.TrimSpace(given); id != "" {
		return id
	}
	if u := NormalizeURL(url); u != "" {
		return "u" + hash64(u)
	}
	return "t" + hash64(NormalizeText(content))
}

// NormalizeURL lower-cases the scheme and host and drops the fragment and a
// trailing slash, so trivially different spellings of one URL share an id.
func NormalizeURL(raw string) string {
	u := strings.TrimSpace(raw)
	if u == "" {
		return ""
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	if i := strings.Index(u, "://"); i > 0 {
		rest := u[i+3:]
		host, path := rest, ""
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			host, path = rest[:j], rest[j:]
		}
		u = strings.ToLower(u[:i]) + "://" + strings.ToLower(host) + path
	}
	return strings.TrimSuffix(u, "/")
}

// NormalizeText folds case and collapses every run of spaces and punctuation,
// so that a re-wrapped or re-spaced copy of a text normalises to the same
// string.
func NormalizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// ContentHash returns the hash of every field a reader sets, so that a change
// to any of them is an update and nothing else is.
func (a *Article) ContentHash() string {
	h := xxh3.New()
	pub := ""
	if !a.Published.IsZero() {
		pub = a.Published.UTC().Format(time.RFC3339Nano)
	}
	for _, f := range []string{a.ID, a.URL, a.Outlet, a.Title, a.Byline, pub, a.Lang, a.Text, a.Dateline, strings.Join(a.Credits, "\x1f"), removedKey(a.Removed)} {
		h.WriteString(f)
		h.Write([]byte{0})
	}
	sum := h.Sum128().Bytes()
	return hex.EncodeToString(sum[:])
}

// DisplayTitle is the title, or for an untitled article the start of its
// first line, so that listings always have something to show.
func (a *Article) DisplayTitle() string {
	if a.Title != "" {
		return a.Title
	}
	line := strings.TrimSpace(a.Text)
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return Truncate(line, 80)
}

// Truncate shortens s to at most n runes, ending in "…" when it cut.
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n <= 1 {
		return "…"
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func hash64(s string) string {
	var b [8]byte
	v := xxh3.HashString(s)
	for i := range b {
		b[i] = byte(v >> (56 - 8*i))
	}
	return hex.EncodeToString(b[:])
}

func removedKey(rs []Removed) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Kind)
		b.WriteByte(0x1e)
		b.WriteString(r.Text)
		b.WriteByte(0x1f)
	}
	return b.String()
}
