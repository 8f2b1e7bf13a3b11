package source

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"strings"
)

// IsURL reports an input that is fetched rather than opened.
func IsURL(path string) bool {
	p := strings.ToLower(path)
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://")
}

// readURL fetches a page or a feed: a feed gives one item per entry, a page
// one article. A feed or page unchanged since the last fetch gives nothing.
func readURL(ctx context.Context, u string, opt Options, emit func(Item) error) error {
	at := Origin{Path: u}
	fail := func(err error) error { return emit(Item{Origin: at, Err: errorAt(at, err)}) }
	if opt.Fetch == nil {
		return fail(ErrNoFetcher)
	}
	resp, err := opt.Fetch(ctx, u)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fail(err)
	}
	if resp.NotModified {
		return nil
	}
	mt, _, _ := mime.ParseMediaType(resp.ContentType)
	head := resp.Body[:min(len(resp.Body), 8192)]
	sniffed, _ := Detect(resp.URL, head)
	switch {
	case strings.Contains(mt, "rss") || strings.Contains(mt, "atom") || mt == "application/feed+json" || sniffed == FormatFeed:
		return emitFeed(u, resp.URL, resp.Body, emit)
	case mt == "text/html" || mt == "application/xhtml+xml" || (mt == "" || mt == "text/plain") && sniffed == FormatHTML:
		data, err := json.Marshal(struct {
			URL  string `json:"url"`
			HTML string `json:"html"`
		}{resp.URL, string(htmlUTF8(resp.Body, resp.ContentType))})
		if err != nil {
			return err
		}
		return emit(Item{Origin: at, Format: FormatURL, Data: data})
	}
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return fail(fmt.Errorf("%w: empty response", ErrNoText))
	}
	return fail(fmt.Errorf("%w: content type %q is neither a web page nor a feed", ErrUnsupported, resp.ContentType))
}
