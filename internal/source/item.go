package source

import (
	"errors"
	"fmt"
)

// Format names the kind of input an item was read from.
type Format string

// Input formats Read recognises.
const (
	FormatJSONL Format = "jsonl"
	FormatJSON  Format = "json"
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatOPML  Format = "opml" // a list of feeds: read by fetching each
	// Feed entries, WARC response records and fetched URLs reach Parse as
	// JSON article records; the format says where they came from.
	FormatFeed Format = "feed"
	FormatWARC Format = "warc"
	FormatURL  Format = "url"
)

// Origin says where an item came from: a path ("-" for standard input) and,
// for line- or record-based formats, the 1-based line or record number.
type Origin struct {
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
}

// String formats the origin as path:line, the way compilers do.
func (o Origin) String() string {
	p := o.Path
	if p == "-" {
		p = "stdin"
	}
	if o.Line > 0 {
		return fmt.Sprintf("%s:%d", p, o.Line)
	}
	return p
}

// Item is one raw record: the bytes of one JSONL line, one JSON array element
// or one text file. An item with Err set reports input that could not be
// read; its Data is empty.
type Item struct {
	Origin Origin
	Format Format
	Data   []byte
	Err    error
	// URL is where an HTML item was published, when known.
	URL string
}

// Errors a reader reports, wrapped with the origin by Error.
var (
	ErrBinary      = errors.New("binary data, not text or JSON")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLong     = errors.New("record too long")
	ErrTruncated   = errors.New("truncated input")
	ErrUnsupported = errors.New("unsupported input format")
	ErrNoText      = errors.New("no article text")
)

// Error is an input problem together with where it happened.
type Error struct {
	Origin Origin
	Err    error
}

func (e *Error) Error() string { return e.Origin.String() + ": " + e.Err.Error() }

// Unwrap returns the underlying error, so errors.Is sees the sentinels above.
func (e *Error) Unwrap() error { return e.Err }

func errorAt(o Origin, err error) *Error { return &Error{Origin: o, Err: err} }
