package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/extract"
	"github.com/sitrep/sitrep/internal/model"
)

// Parse maps one item to an article with its stable id and content hash set.
// Errors name the item's origin.
func Parse(it Item) (*model.Article, error) {
	if it.Err != nil {
		return nil, it.Err
	}
	if !utf8.Valid(it.Data) {
		return nil, errorAt(it.Origin, invalidUTF8(it.Data))
	}
	var (
		a   *model.Article
		err error
	)
	switch it.Format {
	case FormatJSONL, FormatJSON, FormatFeed, FormatWARC, FormatURL:
		a, err = parseJSON(it.Data)
	case FormatText:
		a, err = parseText(it.Data)
	case FormatHTML:
		a, err = parseHTML(it.Data, it.URL)
	default:
		err = fmt.Errorf("%w: %q", ErrUnsupported, it.Format)
	}
	if err != nil {
		return nil, errorAt(it.Origin, err)
	}
	a.SourceFormat = string(it.Format)
	a.ID = model.DeriveID(a.ID, a.URL, a.Title+"\n"+a.Text)
	a.Hash = a.ContentHash()
	return a, nil
}

// invalidUTF8 says where the first bad byte is, as a line and byte offset.
func invalidUTF8(b []byte) error {
	off := 0
	for off < len(b) {
		r, size := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	line := bytes.Count(b[:off], []byte{'\n'}) + 1
	return fmt.Errorf("%w at byte %d (line %d of the record)", ErrInvalidUTF8, off, line)
}

// jsonArticle is the JSONL input contract of DESIGN.md. Unknown fields are
// ignored; "source" is an alias of "outlet" and may be an object with a name.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Link      string          `json:"link"`
	Outlet    string          `json:"outlet"`
	Source    json.RawMessage `json:"source"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Byline    string          `json:"byline"`
	Author    string          `json:"author"`
	Lang      string          `json:"lang"`
	Dateline  string          `json:"dateline"`
	Credits   []string        `json:"credits"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
}

func parseJSON(data []byte) (*model.Article, error) {
	var j jsonArticle
	if err := json.Unmarshal(data, &j); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("not JSON: %v at byte %d", syn, syn.Offset)
		}
		return nil, fmt.Errorf("not an article object: %w", err)
	}
	id, err := jsonID(j.ID)
	if err != nil {
		return nil, err
	}
	pub, err := ParseTime(j.Published)
	if err != nil {
		return nil, err
	}
	text := normalizeText(j.Text)
	a := &model.Article{
		ID:        id,
		URL:       strings.TrimSpace(firstNonEmpty(j.URL, j.Link)),
		Outlet:    strings.TrimSpace(firstNonEmpty(j.Outlet, sourceName(j.Source))),
		Title:     oneLine(j.Title),
		Byline:    oneLine(firstNonEmpty(j.Byline, j.Author)),
		Published: pub,
		Lang:      strings.TrimSpace(j.Lang),
		Dateline:  oneLine(j.Dateline),
		Credits:   j.Credits,
		Text:      text,
	}
	switch {
	case text != "":
		clean(a)
	case strings.TrimSpace(j.HTML) != "":
		p, err := extract.HTML([]byte(j.HTML), a.URL)
		if err != nil && a.Title == "" {
			return nil, err
		}
		if err == nil {
			fromPage(a, p)
		}
	}
	if a.Text == "" && a.Title == "" {
		return nil, ErrNoText // a headline alone is an article (flashes, briefs); nothing at all is not
	}
	if a.Outlet == "" {
		a.Outlet = extract.OutletForURL(a.URL)
	}
	return a, nil
}

// jsonID accepts a string or a number: both occur in real exports.
func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("id %s: want a string or a number", raw)
}

func sourceName(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj struct {
		Name string `json:"name"`
	}
	if json.Unmarshal(raw, &obj) == nil {
		return obj.Name
	}
	return ""
}

// ParseTime reads the publication times the input contract allows: RFC 3339
// and YYYY-MM-DD, plus the common variants without a zone (taken as UTC).
// The empty string is the unknown time.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04:05Z07:00", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q: want RFC 3339 or YYYY-MM-DD", model.Truncate(s, 40))
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// normalizeText trims every line, drops a byte-order mark and carriage
// returns, and keeps at most one blank line between paragraphs.
func normalizeText(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := true
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0")
		if strings.TrimSpace(l) == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, l)
		blank = false
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
