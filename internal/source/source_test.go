package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/corpustest"
	"github.com/sitrep/sitrep/internal/model"
)

// readAll reads paths and parses every item, returning the articles and the
// errors in input order.
func readAll(t *testing.T, opt Options, paths ...string) ([]*model.Article, []error) {
	t.Helper()
	var (
		arts []*model.Article
		errs []error
	)
	err := Read(context.Background(), paths, opt, func(it Item) error {
		a, err := Parse(it)
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return arts, errs
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	return gzBytes(data)
}

const threeLines = `{"id":"a1","url":"https://example.com/a1","source":"Example Times","title":"Flood","published":"2024-03-01","text":"Water rose."}
{"id":"a2","outlet":"Daily Planet","title":"Fire","published":"2024-03-02T10:00:00Z","text":"A fire broke out.","extra":{"ignored":true}}
{"url":"https://example.com/a3#frag","title":"Quake","text":"The ground shook."}
`

func TestJSONLFields(t *testing.T) {
	dir := t.TempDir()
	arts, errs := readAll(t, Options{}, write(t, dir, "in.jsonl", []byte(threeLines)))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(arts) != 3 {
		t.Fatalf("got %d articles, want 3", len(arts))
	}
	a := arts[0]
	if a.ID != "a1" || a.Outlet != "Example Times" || a.Published.Format("2006-01-02") != "2024-03-01" || a.Text != "Water rose." {
		t.Errorf("first article = %+v", a)
	}
	if arts[1].Outlet != "Daily Planet" || arts[1].Published.Hour() != 10 {
		t.Errorf("second article = %+v", arts[1])
	}
	if want := model.DeriveID("", "https://EXAMPLE.com/a3", ""); arts[2].ID != want || !strings.HasPrefix(want, "u") {
		t.Errorf("URL-derived id = %q, want %q", arts[2].ID, want)
	}
	for _, a := range arts {
		if a.Hash == "" || a.SourceFormat != "jsonl" {
			t.Errorf("%s: hash %q format %q", a.ID, a.Hash, a.SourceFormat)
		}
	}
}

func TestGzipAndDetection(t *testing.T) {
	dir := t.TempDir()
	paths := []string{
		write(t, dir, "a.jsonl.gz", gz(t, []byte(threeLines))),
		write(t, dir, "no-extension", []byte(threeLines)),                  // sniffed as JSONL
		write(t, dir, "gz-without-suffix.data", gz(t, []byte(threeLines))), // gzip by magic bytes
		write(t, dir, "array.json", []byte(`[{"id":"j1","text":"one"}, {"id":"j2","text":"two"}]`)),
	}
	arts, errs := readAll(t, Options{}, paths...)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(arts) != 11 {
		t.Fatalf("got %d articles, want 11", len(arts))
	}
	if arts[10].ID != "j2" || arts[10].SourceFormat != "json" {
		t.Errorf("last = %+v", arts[10])
	}
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		want       Format
		err        error
	}{
		{"x.jsonl", "not json at all", FormatJSONL, nil},
		{"x.json", "  [ {}", FormatJSON, nil},
		{"x.json", "{}", FormatJSONL, nil},
		{"x.txt", "{ looks like json }", FormatText, nil},
		{"x", "\ufeff{\"id\":1}", FormatJSONL, nil},
		{"x", "[1]", FormatJSON, nil},
		{"x", "Headline\n\nBody.", FormatText, nil},
		{"x", "<!doctype html><p>hi", FormatHTML, nil},
		{"x", "<?xml version=\"1.0\"?><rss version=\"2.0\">", FormatFeed, nil},
		{"x", "<?xml version=\"1.0\"?><opml>", FormatOPML, nil},
		{"x", "<?xml version=\"1.0\"?><svg/>", "", ErrUnsupported},
		{"page.rss", "<!doctype html><p>hi", FormatFeed, nil},
		{"x", "WARC/1.1\r\nWARC-Type: warcinfo\r\n\x00", FormatWARC, nil},
		{"x.json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", FormatFeed, nil},
		{"x.txt", "abc\x00def", "", ErrBinary},
		{"x.jsonl", "\x01\x02\x03\x04\x05\x06", "", ErrBinary},
	} {
		got, err := Detect(tc.name, []byte(tc.head))
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("Detect(%q, %q) = %q, %v; want %q, %v", tc.name, tc.head, got, err, tc.want, tc.err)
		}
	}
}

// TestBadInput covers every kind of bad input the foundation promises to
// report with its file and line while ingesting the rest.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	good := `{"id":"ok1","text":"fine"}` + "\n"
	var many strings.Builder
	for i := range 3000 { // enough varied text that gzip emits output before the cut
		fmt.Fprintf(&many, `{"id":"n%d","text":"record %d of %x"}`+"\n", i, i*7919, i*104729)
	}
	truncated := gz(t, []byte(many.String()+`{"id":"late","text":"never complete"}`+"\n"))
	truncated = truncated[:len(truncated)/2]
	cases := []struct {
		name      string
		data      []byte
		wantArts  int
		wantErr   error  // nil: any error
		wantWhere string // substring naming file and line
	}{
		{"notjson.jsonl", []byte(good + "this is not json\n" + good), 2, nil, "notjson.jsonl:2: not JSON"},
		{"badutf8.jsonl", []byte(good + "{\"id\":\"x\",\"text\":\"caf\xe9\"}\n" + good), 2, ErrInvalidUTF8, "badutf8.jsonl:2"},
		{"notext.jsonl", []byte(`{"id":"e","title":" "}` + "\n" + `{"id":"h","title":"Headline only"}` + "\n" + good), 2, ErrNoText, "notext.jsonl:1"},
		{"baddate.jsonl", []byte(`{"id":"d","published":"last Tuesday","text":"x"}` + "\n"), 0, nil, `baddate.jsonl:1: published "last Tuesday"`},
		{"array.jsonl", []byte(`[1,2]` + "\n" + good), 1, nil, "array.jsonl:1: not an article object"},
		{"truncated.jsonl.gz", truncated, -1, ErrTruncated, "truncated.jsonl.gz:"},
		{"binary.jsonl", append([]byte{0x7f, 'E', 'L', 'F', 0, 0, 1}, bytes.Repeat([]byte{0}, 100)...), 0, ErrBinary, "binary.jsonl: binary"},
		{"binary.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0, ErrBinary, "binary.txt: binary"},
		{"latin1.txt", []byte("Caf\xe9 opens\n\nThe caf\xe9 opened."), 0, ErrInvalidUTF8, "latin1.txt: invalid UTF-8 at byte 3 (line 1"},
		{"empty.txt", []byte("\n\n  \n"), 0, ErrNoText, "empty.txt: no article text"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.name, tc.data)
			arts, errs := readAll(t, Options{}, p)
			if len(errs) != 1 {
				t.Fatalf("got %d errors (%v), want 1", len(errs), errs)
			}
			if tc.wantErr != nil && !errors.Is(errs[0], tc.wantErr) {
				t.Errorf("error %v, want %v", errs[0], tc.wantErr)
			}
			if !strings.Contains(errs[0].Error(), tc.wantWhere) {
				t.Errorf("error %q does not contain %q", errs[0], tc.wantWhere)
			}
			if tc.wantArts >= 0 && len(arts) != tc.wantArts {
				t.Errorf("got %d articles, want %d", len(arts), tc.wantArts)
			}
			if tc.wantArts < 0 && len(arts) == 0 {
				t.Errorf("nothing read before the truncation")
			}
			for _, a := range arts {
				if a.ID == "late" {
					t.Errorf("read the record cut by the truncation")
				}
			}
		})
	}
}

// TestHugeLine streams a 100 MB line without holding it and reads the
// records around it.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100 MB")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"id":"before","text":"a"}` + "\n" + `{"id":"huge","text":"`)
	block := bytes.Repeat([]byte("x"), 1<<20)
	for range 100 {
		f.Write(block)
	}
	f.WriteString(`"}` + "\n" + `{"id":"after","text":"b"}` + "\n")
	f.Close()
	arts, errs := readAll(t, Options{}, p)
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLong) || !strings.Contains(errs[0].Error(), "huge.jsonl:2") {
		t.Fatalf("errors = %v, want one ErrTooLong at huge.jsonl:2", errs)
	}
	if len(arts) != 2 || arts[0].ID != "before" || arts[1].ID != "after" {
		t.Fatalf("articles = %d, want before and after", len(arts))
	}
}

func TestMissingPathAndDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b/two.txt", []byte("Second headline\n\nSecond body."))
	write(t, dir, "a/one.jsonl", []byte(threeLines))
	write(t, dir, ".hidden/skip.txt", []byte("Hidden\n\nshould not be read"))
	write(t, dir, ".skip.txt", []byte("Hidden\n\nshould not be read"))
	arts, errs := readAll(t, Options{}, filepath.Join(dir, "does-not-exist.jsonl"), dir)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "does-not-exist.jsonl") {
		t.Fatalf("errors = %v, want one naming the missing file", errs)
	}
	if len(arts) != 4 || arts[3].Title != "Second headline" {
		t.Fatalf("got %d articles (want 4, directory order a/ then b/)", len(arts))
	}
}

func TestStdin(t *testing.T) {
	arts, errs := readAll(t, Options{Stdin: strings.NewReader(threeLines)}, "-")
	if len(arts) != 3 || len(errs) != 0 {
		t.Fatalf("stdin: %d articles, %v", len(arts), errs)
	}
}

func TestTextTitle(t *testing.T) {
	for _, tc := range []struct {
		in, title, textStart string
	}{
		{"Storm batters coast\n\nThe storm hit on Monday.", "Storm batters coast", "The storm hit"},
		{"U.S. Troops Leave Base in Iraq\nThe troops left.", "U.S. Troops Leave Base in Iraq", "The troops left"},
		{"BAGHDAD – The U.S. government has decided to withdraw some staff, officials say.\n\nMore.", "", "The U.S. government"},
		{"CNN  — \n\nThe US is withdrawing.", "", "The US is withdrawing."},
		{"Only one line without a title", "", "Only one line"},
		{"Title: Given title\nOutlet: Example Times\nPublished: 2024-01-02\n\nFirst line here\n\nBody.", "Given title", "First line here"},
		{"A caption of a photo that runs on. It has two sentences here\n\nBody.", "", "A caption"},
	} {
		a, err := parseText([]byte(tc.in))
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if a.Title != tc.title || !strings.HasPrefix(a.Text, tc.textStart) {
			t.Errorf("%q: title %q text %q; want title %q text starting %q", tc.in, a.Title, model.Truncate(a.Text, 30), tc.title, tc.textStart)
		}
	}
}

func TestTextHeaderFields(t *testing.T) {
	a, err := parseText([]byte("Title: T\nURL: https://example.com/x\nSource: Example Times\nPublished: 2024-01-02\nAuthor: Ana\n\nBody."))
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://example.com/x" || a.Outlet != "Example Times" || a.Byline != "Ana" || a.Published.Day() != 2 || a.Text != "Body." {
		t.Errorf("header fields = %+v", a)
	}
}

func TestSeeds(t *testing.T) {
	dir := corpustest.Shared(t, "seeds")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	arts, errs := readAll(t, Options{}, paths...)
	if len(errs) > 0 || len(arts) != 2 {
		t.Fatalf("seeds: %d articles, errors %v", len(arts), errs)
	}
	for _, a := range arts {
		if a.Title != "" {
			t.Errorf("%s: a body line was taken as the title: %q", a.ID, a.Title)
		}
		if !strings.HasPrefix(a.ID, "t") {
			t.Errorf("id %q is not content-derived", a.ID)
		}
	}
	post, cnn := arts[0], arts[1]
	// ../shared/seeds/EXPECTED.md, "Articles": outlets inferred from the
	// text; captions, promos, markers, rules and contributor lines out of
	// the body and kept as metadata.
	if post.Outlet != "The Washington Post" || cnn.Outlet != "CNN" {
		t.Errorf("outlets %q and %q, want The Washington Post and CNN", post.Outlet, cnn.Outlet)
	}
	if post.Dateline != "BAGHDAD" || !strings.HasPrefix(post.Text, "The U.S. government has decided") {
		t.Errorf("seed 000: dateline %q, body starts %q", post.Dateline, model.Truncate(post.Text, 40))
	}
	if !strings.HasPrefix(cnn.Text, "The US is temporarily withdrawing") {
		t.Errorf("seed 004 body starts %q", model.Truncate(cnn.Text, 40))
	}
	for _, a := range arts {
		for _, gone := range []string{"Getty Images", "Source: CNN", "Trump details Soleimani strike", "CNN  —", "– – –", "contributed", "reported from Washington"} {
			if strings.Contains(a.Text, gone) {
				t.Errorf("%s: body still holds %q", a.Outlet, gone)
			}
		}
	}
	kept := func(a *model.Article) string {
		var b strings.Builder
		for _, r := range a.Removed {
			b.WriteString(r.Kind + ": " + r.Text + "\n")
		}
		return b.String()
	}
	for _, want := range []struct {
		a    *model.Article
		text string
	}{
		{post, "rule: – – –"},
		{post, "credit: Hudson and Morello reported from Washington. The Washington Post’s Dan Lamothe and Missy Ryan contributed from Washington."},
		{cnn, "caption: US President Donald Trump speaks during a meeting"},
		{cnn, "promo: Trump details Soleimani strike to GOP donors\npromo: 02:31 - Source: CNN"},
		{cnn, "marker: CNN"},
		{cnn, "credit: CNN’s Barbara Starr contributed to this report."},
	} {
		if !strings.Contains(kept(want.a), want.text) {
			t.Errorf("%s: removed pieces lack %q; have:\n%s", want.a.Outlet, want.text, kept(want.a))
		}
	}
	if len(post.Credits) != 1 || len(cnn.Credits) != 1 || !strings.Contains(cnn.Credits[0], "Barbara Starr") {
		t.Errorf("credits: the Post %q, CNN %q", post.Credits, cnn.Credits)
	}
}

func gzBytes(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}
