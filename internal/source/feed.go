package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/sitrep/sitrep/internal/extract"
)

// ErrNotFeed is a document read as a feed that is not RSS, Atom or JSON Feed.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// feedRecord is one feed entry as a JSON article record for Parse.
type feedRecord struct {
	ID        string `json:"id,omitempty"`
	URL       string `json:"url,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Byline    string `json:"byline,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
}

// readFeed parses one RSS, Atom or JSON Feed document and emits one item per
// entry, numbered from 1. An entry with neither content nor a title is
// reported as an error and the rest go on.
func readFeed(path string, r io.Reader, opt Options, emit func(Item) error) error {
	at := Origin{Path: path}
	data, err := io.ReadAll(io.LimitReader(r, opt.MaxFile+1))
	if err != nil {
		return emit(Item{Origin: at, Err: errorAt(at, err)})
	}
	if int64(len(data)) > opt.MaxFile {
		return emit(Item{Origin: at, Err: errorAt(at, fmt.Errorf("%w: feed over %d bytes", ErrTooLong, opt.MaxFile))})
	}
	return emitFeed(path, "", data, emit)
}

// emitFeed maps a feed's entries to items. feedURL is where the feed was
// fetched from, if it was: relative entry links resolve against it.
func emitFeed(path, feedURL string, data []byte, emit func(Item) error) error {
	at := Origin{Path: path}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			what := ""
			if looksHTML(data) {
				what = " (it is an HTML page)"
			}
			return emit(Item{Origin: at, Err: errorAt(at, fmt.Errorf("%w%s", ErrNotFeed, what))})
		}
		return emit(Item{Origin: at, Err: errorAt(at, fmt.Errorf("%w: %v", ErrNotFeed, err))})
	}
	for i, it := range feed.Items {
		at.Line = i + 1
		rec := feedEntry(feed, it)
		if base, err := url.Parse(feedURL); err == nil && feedURL != "" && rec.URL != "" {
			if ref, err := url.Parse(rec.URL); err == nil && !ref.IsAbs() {
				rec.URL = base.ResolveReference(ref).String()
				rec.Outlet = extract.OutletForURL(rec.URL)
			}
		}
		if rec.Text == "" && rec.Title == "" {
			if err := emit(Item{Origin: at, Err: errorAt(at, fmt.Errorf("feed entry %q: %w", rec.URL, ErrNoText))}); err != nil {
				return err
			}
			continue
		}
		data, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		if err := emit(Item{Origin: at, Format: FormatFeed, Data: data}); err != nil {
			return err
		}
	}
	return nil
}

// feedEntry maps one entry: link, guid, publication (or update) time,
// authors, and the content, or the summary when there is none.
func feedEntry(feed *gofeed.Feed, it *gofeed.Item) feedRecord {
	rec := feedRecord{
		ID:    strings.TrimSpace(it.GUID),
		URL:   strings.TrimSpace(it.Link),
		Title: oneLine(it.Title),
		Lang:  feed.Language,
	}
	if rec.URL == "" && len(it.Links) > 0 {
		rec.URL = strings.TrimSpace(it.Links[0])
	}
	if rec.URL != "" {
		rec.ID = "" // the link is the stable id; a guid may be a per-feed counter
	}
	rec.Outlet = extract.OutletForURL(rec.URL)
	if rec.Outlet == "" {
		rec.Outlet = oneLine(feed.Title)
	}
	switch {
	case it.PublishedParsed != nil:
		rec.Published = it.PublishedParsed.UTC().Format(time.RFC3339)
	case it.UpdatedParsed != nil:
		rec.Published = it.UpdatedParsed.UTC().Format(time.RFC3339)
	}
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	rec.Byline = strings.Join(names, ", ")
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	rec.Text = extract.FragmentText(body)
	return rec
}

func looksHTML(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 1024)])
	return bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html"))
}
