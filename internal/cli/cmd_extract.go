package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/fetch"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/source"
)

// extractJSON is the output contract of 'sitrep extract' (DESIGN.md).
type extractJSON struct {
	ID        string          `json:"id"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
	Title     string          `json:"title"`
	Byline    string          `json:"byline"`
	Published *time.Time      `json:"published"`
	Lang      string          `json:"lang"`
	Text      string          `json:"text"`
	Credits   []string        `json:"credits"`
	Dateline  string          `json:"dateline"`
	Removed   []model.Removed `json:"removed"`
}

func runExtract(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("extract", "sitrep extract [flags] PATH", `
Extract the clean article of one input and print it as one JSON object: id,
url, outlet, title, byline, published (null when unknown), lang, text (the
clean body), credits, dateline, and removed (captions, promos, markers, rules
and prompts taken out of the body, each with its kind).

PATH is a web page (.html, .html.gz), a plain-text report (.txt), or an
http(s) URL of a page. For a page saved to a file, --url gives the address it
was published at, which names the outlet and resolves links.`, "")
	pageURL := fs.String("url", "", "the `address` a saved page was published at")
	allowPrivate := fs.Bool("allow-private", false, "let a URL reach private, loopback and link-local addresses")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of the fetch")
	paths, err := fs.parsePaths(env, args, "no input: give a page, a text file or a URL")
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return usagef("extract: give one input, not %d", len(paths))
	}
	a, err := readOne(ctx, env, "extract", paths[0], *pageURL, *allowPrivate, *timeout)
	if err != nil {
		return err
	}
	out := extractJSON{
		ID: a.ID, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Byline: a.Byline, Lang: a.Lang,
		Text: a.Text, Credits: a.Credits, Dateline: a.Dateline, Removed: a.Removed,
	}
	if !a.Published.IsZero() {
		out.Published = &a.Published
	}
	if out.Credits == nil {
		out.Credits = []string{}
	}
	if out.Removed == nil {
		out.Removed = []model.Removed{}
	}
	return writeJSON(env.Stdout, out)
}

// readOne reads one input (page, text file or URL) into one clean article.
func readOne(ctx context.Context, env *Env, cmd, path, pageURL string, allowPrivate bool, timeout time.Duration) (*model.Article, error) {
	fetcher := fetch.New(timeout)
	fetcher.AllowPrivate = allowPrivate
	opt := source.Options{Stdin: env.Stdin, Fetch: fetcher.Fetch}
	var items []source.Item
	err := source.Read(ctx, []string{path}, opt, func(it source.Item) error {
		if pageURL != "" {
			it.URL = pageURL
		}
		items = append(items, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%s: %s: nothing to read", cmd, path)
	}
	if len(items) > 1 {
		return nil, fmt.Errorf("%s: %s holds %d articles; %s reads one page or text (use 'sitrep cluster' or 'sitrep ingest' for many)", cmd, path, len(items), cmd)
	}
	return source.Parse(items[0])
}
