package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// ErrWARC is a WARC record that cannot be read.
var ErrWARC = errors.New("corrupt WARC record")

// warcRecord is one record's header fields (names lower-cased) and block.
type warcRecord struct {
	fields map[string]string
	block  []byte
}

// readWARC reads a WARC file (ISO 28500, versions 1.0 and 1.1; gzip, whole
// file or per record, is already undone by readStream) and emits one item
// per HTML response or resource record, numbered by record from 1. A record
// that cannot be read is reported and the reader skips to the next record.
func readWARC(path string, r io.Reader, opt Options, emit func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		at := Origin{Path: path, Line: n}
		rec, err := nextWARC(br, opt.MaxFile)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if e := emit(Item{Origin: at, Err: errorAt(at, err)}); e != nil {
				return e
			}
			if errors.Is(err, ErrTruncated) || !errors.Is(err, ErrWARC) {
				return nil // the stream itself failed: nothing after can be read
			}
			continue
		}
		data, err := warcArticle(rec)
		if err != nil {
			if e := emit(Item{Origin: at, Err: errorAt(at, err)}); e != nil {
				return e
			}
			continue
		}
		if data == nil {
			continue // not an HTML page: request, metadata, images...
		}
		if err := emit(Item{Origin: at, Format: FormatWARC, Data: data}); err != nil {
			return err
		}
	}
}

// nextWARC reads one record. After a bad header it skips to the next line
// that starts a record, so one corrupt record does not lose the rest.
func nextWARC(br *bufio.Reader, max int64) (*warcRecord, error) {
	// Find the version line, skipping the blank lines between records.
	skipped := 0
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			if err == io.EOF && strings.TrimSpace(line) == "" && skipped == 0 {
				return nil, io.EOF
			}
			if err == io.EOF {
				return nil, fmt.Errorf("%w: no record header before the end", ErrWARC)
			}
			return nil, err
		}
		if strings.HasPrefix(line, "WARC/") {
			break
		}
		if strings.TrimSpace(line) != "" {
			skipped++
		}
	}
	rec := &warcRecord{fields: map[string]string{}}
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("%w: header ends early", ErrWARC)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%w: header line %q", ErrWARC, truncate(line, 60))
		}
		rec.fields[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	n, err := strconv.ParseInt(rec.fields["content-length"], 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: Content-Length %q", ErrWARC, rec.fields["content-length"])
	}
	if n > max {
		if _, err := io.CopyN(io.Discard, br, n); err != nil {
			return nil, fmt.Errorf("%w: block ends early", ErrTruncated)
		}
		return nil, fmt.Errorf("%w: record %s of %d bytes", ErrTooLong, rec.fields["warc-target-uri"], n)
	}
	rec.block = make([]byte, n)
	if _, err := io.ReadFull(br, rec.block); err != nil {
		return nil, fmt.Errorf("%w: block of %d bytes ends early", ErrTruncated, n)
	}
	return rec, nil
}

// warcArticle turns an HTML response or resource record into a JSON article
// record; other records give nil.
func warcArticle(rec *warcRecord) ([]byte, error) {
	uri := strings.Trim(rec.fields["warc-target-uri"], "<>")
	var body []byte
	ctype := ""
	switch rec.fields["warc-type"] {
	case "response":
		if !strings.HasPrefix(rec.fields["content-type"], "application/http") {
			return nil, nil
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(rec.block)), nil)
		if err != nil {
			return nil, fmt.Errorf("%w: HTTP response of %s: %v", ErrWARC, uri, err)
		}
		defer resp.Body.Close()
		ctype = resp.Header.Get("Content-Type")
		if resp.StatusCode != http.StatusOK || !isHTML(ctype) {
			return nil, nil
		}
		var rd io.Reader = resp.Body
		if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				return nil, fmt.Errorf("%w: gzip body of %s: %v", ErrWARC, uri, err)
			}
			rd = zr
		}
		if body, err = io.ReadAll(rd); err != nil {
			return nil, fmt.Errorf("%w: body of %s: %v", ErrWARC, uri, err)
		}
	case "resource":
		if !isHTML(rec.fields["content-type"]) {
			return nil, nil
		}
		body, ctype = rec.block, rec.fields["content-type"]
	default:
		return nil, nil
	}
	return json.Marshal(struct {
		URL  string `json:"url,omitempty"`
		HTML string `json:"html"`
	}{uri, string(htmlUTF8(body, ctype))})
}

func isHTML(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// htmlUTF8 converts a page to UTF-8 from the charset its Content-Type, BOM
// or meta tags declare (sniffed as browsers do); bytes that still do not
// decode become U+FFFD.
func htmlUTF8(page []byte, contentType string) []byte {
	if utf8.Valid(page) {
		return page
	}
	enc, _, _ := charset.DetermineEncoding(page, contentType)
	if out, err := enc.NewDecoder().Bytes(page); err == nil {
		page = out
	}
	return bytes.ToValidUTF8(page, []byte("\uFFFD"))
}
