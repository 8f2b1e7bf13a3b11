package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sitrep/sitrep/internal/fetch"
)

// Options bounds what Read accepts. Zero fields take the defaults.
type Options struct {
	// Stdin is read for the path "-".
	Stdin io.Reader
	// MaxRecord is the longest JSONL line or JSON record, in bytes (32 MiB).
	MaxRecord int
	// MaxFile is the largest text file, in bytes (64 MiB).
	MaxFile int64
	// Fetch gets http and https inputs and the feeds of OPML lists; nil
	// refuses them.
	Fetch func(ctx context.Context, url string) (*fetch.Response, error)
}

func (o Options) withDefaults() Options {
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	if o.MaxRecord <= 0 {
		o.MaxRecord = 32 << 20
	}
	if o.MaxFile <= 0 {
		o.MaxFile = 64 << 20
	}
	return o
}

// Read walks paths in order (directories recursively, in lexical order,
// skipping hidden entries and OPML feed lists, which are read only when
// named) and calls emit for every item, including items
// that report unreadable input. It stops early only when emit or ctx fails.
func Read(ctx context.Context, paths []string, opt Options, emit func(Item) error) error {
	opt = opt.withDefaults()
	for _, p := range paths {
		if err := readPath(ctx, p, opt, emit); err != nil {
			return err
		}
	}
	return nil
}

func readPath(ctx context.Context, path string, opt Options, emit func(Item) error) error {
	if path == "-" {
		return readStream(ctx, path, opt.Stdin, opt, emit)
	}
	if IsURL(path) {
		return readURL(ctx, path, opt, emit)
	}
	info, err := os.Stat(path)
	if err != nil {
		return emit(Item{Origin: Origin{Path: path}, Err: errorAt(Origin{Path: path}, err)})
	}
	if !info.IsDir() {
		return readFile(ctx, path, opt, emit)
	}
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return emit(Item{Origin: Origin{Path: p}, Err: errorAt(Origin{Path: p}, err)})
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if isFeedList(d.Name()) {
			return nil // fetched only when named: a folder of reports never reaches out
		}
		return readFile(ctx, p, opt, emit)
	})
}

func readFile(ctx context.Context, path string, opt Options, emit func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return emit(Item{Origin: Origin{Path: path}, Err: errorAt(Origin{Path: path}, err)})
	}
	defer f.Close()
	return readStream(ctx, path, f, opt, emit)
}

// readStream sniffs one input (gzip by its magic bytes, then the format by
// name and content) and hands it to the reader for that format.
func readStream(ctx context.Context, path string, r io.Reader, opt Options, emit func(Item) error) error {
	at := Origin{Path: path}
	fail := func(err error) error { return emit(Item{Origin: at, Err: errorAt(at, err)}) }
	br := bufio.NewReaderSize(r, 64<<10)
	name := path
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fail(fmt.Errorf("%w: gzip header: %v", ErrTruncated, err))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(gzipErrors{zr}, 64<<10)
		name = strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ")
	}
	head, err := br.Peek(8192)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		if len(head) == 0 {
			return fail(err)
		}
	}
	format, err := Detect(name, head)
	if err != nil {
		return fail(err)
	}
	switch format {
	case FormatJSONL:
		return readJSONL(ctx, path, br, opt, emit)
	case FormatJSON:
		return readJSONArray(ctx, path, br, opt, emit)
	case FormatFeed:
		return readFeed(path, br, opt, emit)
	case FormatWARC:
		return readWARC(path, br, opt, emit)
	case FormatOPML:
		return readOPML(ctx, path, br, opt, emit)
	case FormatHTML:
		return readWhole(path, br, opt, FormatHTML, emit)
	default:
		return readWhole(path, br, opt, FormatText, emit)
	}
}

// gzipErrors names a gzip stream that ends early as truncated input.
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("%w: gzip stream ends early", ErrTruncated)
	} else if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w", err)
	}
	return n, err
}

// Detect decides the format of an input from its name (with any .gz
// removed) and its first bytes. Binary content is refused whatever the name.
func Detect(name string, head []byte) (Format, error) {
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return FormatWARC, nil // binary payloads are fine inside a WARC
	}
	if looksBinary(head) {
		return "", ErrBinary
	}
	first := firstByte(head)
	lower := bytes.ToLower(head)
	jsonFeed := bytes.Contains(lower, []byte("jsonfeed.org/version"))
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return FormatJSONL, nil
	case ".json":
		switch {
		case jsonFeed:
			return FormatFeed, nil
		case first == '[':
			return FormatJSON, nil
		}
		return FormatJSONL, nil
	case ".txt", ".text":
		return FormatText, nil
	case ".html", ".htm", ".xhtml":
		return FormatHTML, nil
	case ".rss", ".atom", ".xml":
		return FormatFeed, nil // a feed that is really HTML is reported by the feed reader
	case ".opml":
		return FormatOPML, nil
	case ".warc":
		return FormatWARC, nil
	}
	switch {
	case jsonFeed && first == '{':
		return FormatFeed, nil
	case first == '{':
		return FormatJSONL, nil
	case first == '[':
		return FormatJSON, nil
	case first == '<':
		switch {
		case bytes.Contains(lower, []byte("<opml")):
			return FormatOPML, nil
		case bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")):
			return FormatFeed, nil
		case bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) || bytes.Contains(lower, []byte("<body")) || bytes.Contains(lower, []byte("<p")):
			return FormatHTML, nil
		}
		return "", fmt.Errorf("%w: XML that is not a feed, OPML or HTML page", ErrUnsupported)
	}
	return FormatText, nil
}

func firstByte(head []byte) byte {
	b := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// looksBinary reports a NUL byte, or more than one control character in
// thirty, in the first bytes: text and JSON have neither.
func looksBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*30 > len(head)
}

func readJSONL(ctx context.Context, path string, r io.Reader, opt Options, emit func(Item) error) error {
	lr := newLineReader(r, opt.MaxRecord)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := lr.next()
		at := Origin{Path: path, Line: lr.line}
		if err == io.EOF {
			return nil
		}
		if err != nil && !errors.Is(err, ErrTooLong) {
			return emit(Item{Origin: at, Err: errorAt(at, err)})
		}
		if err != nil {
			if err := emit(Item{Origin: at, Format: FormatJSONL, Err: errorAt(at, err)}); err != nil {
				return err
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		data := make([]byte, len(line))
		copy(data, line)
		if err := emit(Item{Origin: at, Format: FormatJSONL, Data: data}); err != nil {
			return err
		}
	}
}

// readJSONArray streams the elements of one JSON array; the origin's line is
// the 1-based element number. A syntax error ends the file, as nothing after
// it can be trusted.
func readJSONArray(ctx context.Context, path string, r io.Reader, opt Options, emit func(Item) error) error {
	dec := json.NewDecoder(io.LimitReader(r, 1<<40))
	at := Origin{Path: path}
	if _, err := dec.Token(); err != nil {
		return emit(Item{Origin: at, Err: errorAt(at, fmt.Errorf("JSON array: %w", err))})
	}
	for n := 1; dec.More(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		at.Line = n
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return emit(Item{Origin: at, Err: errorAt(at, fmt.Errorf("JSON array element: %w", err))})
		}
		if len(raw) > opt.MaxRecord {
			raw = nil
			if err := emit(Item{Origin: at, Err: errorAt(at, fmt.Errorf("%w: over %d bytes", ErrTooLong, opt.MaxRecord))}); err != nil {
				return err
			}
			continue
		}
		if err := emit(Item{Origin: at, Format: FormatJSON, Data: raw}); err != nil {
			return err
		}
	}
	return nil
}

// readWhole reads a file that is one article: a text or an HTML page.
// Pages in another charset than UTF-8 are converted as they declare.
func readWhole(path string, r io.Reader, opt Options, format Format, emit func(Item) error) error {
	at := Origin{Path: path}
	data, err := io.ReadAll(io.LimitReader(r, opt.MaxFile+1))
	if err != nil {
		return emit(Item{Origin: at, Err: errorAt(at, err)})
	}
	if int64(len(data)) > opt.MaxFile {
		return emit(Item{Origin: at, Err: errorAt(at, fmt.Errorf("%w: %s file over %d bytes", ErrTooLong, format, opt.MaxFile))})
	}
	if format == FormatHTML {
		data = htmlUTF8(data, "")
	}
	return emit(Item{Origin: at, Format: format, Data: data})
}

// isFeedList reports an OPML file name (.opml, .opml.gz).
func isFeedList(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".opml") || strings.HasSuffix(n, ".opml.gz")
}
