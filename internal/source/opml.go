package source

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrNoFetcher is an input that needs fetching (a URL, an OPML list of
// feeds) read without a fetcher.
var ErrNoFetcher = errors.New("fetching URLs is not enabled here")

// FeedRef is one feed of an OPML list.
type FeedRef struct {
	Title string
	URL   string
}

// ParseOPML lists the feeds of an OPML document: every outline with an
// xmlUrl, nested folders included, in document order, each URL once.
func ParseOPML(r io.Reader) ([]FeedRef, error) {
	var doc struct {
		XMLName xml.Name `xml:"opml"`
		Body    struct {
			Outlines []outline `xml:"outline"`
		} `xml:"body"`
	}
	dec := xml.NewDecoder(io.LimitReader(r, 16<<20))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not an OPML document: %w", err)
	}
	var out []FeedRef
	seen := map[string]bool{}
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" && !seen[u] {
				seen[u] = true
				out = append(out, FeedRef{Title: strings.TrimSpace(firstNonEmpty(o.Title, o.Text)), URL: u})
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body.Outlines)
	return out, nil
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr"`
	XMLURL   string    `xml:"xmlUrl,attr"`
	Outlines []outline `xml:"outline"`
}

// readOPML fetches every feed an OPML file lists, through opt.Fetch.
func readOPML(ctx context.Context, path string, r io.Reader, opt Options, emit func(Item) error) error {
	at := Origin{Path: path}
	feeds, err := ParseOPML(r)
	if err != nil {
		return emit(Item{Origin: at, Err: errorAt(at, err)})
	}
	if opt.Fetch == nil {
		return emit(Item{Origin: at, Err: errorAt(at, fmt.Errorf("%w: an OPML list is read by fetching its %d feeds", ErrNoFetcher, len(feeds)))})
	}
	for _, f := range feeds {
		if err := readURL(ctx, f.URL, opt, emit); err != nil {
			return err
		}
	}
	return nil
}
