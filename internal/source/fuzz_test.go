package source

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzRead feeds data to Read as standard input under the given name hint
// and checks what every reader promises: no panic, every item is either an
// error or data, every parsed article has an id, text and valid UTF-8.
func fuzzRead(t *testing.T, data []byte) {
	opt := Options{Stdin: bytes.NewReader(data), MaxRecord: 4096, MaxFile: 1 << 16}
	err := Read(context.Background(), []string{"-"}, opt, func(it Item) error {
		if (it.Err != nil && len(it.Data) > 0) || (it.Err == nil && it.Format == "") {
			t.Fatalf("item %v: Err %v with %d bytes of %q", it.Origin, it.Err, len(it.Data), it.Format)
		}
		a, err := Parse(it)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "stdin") {
				t.Fatalf("error %q does not name its origin", err)
			}
			return nil
		}
		if a.ID == "" || (a.Text == "" && a.Title == "") || a.Hash == "" {
			t.Fatalf("article without id, content or hash: %+v", a)
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 passed through")
		}
		return nil
	})
	if err != nil && err != io.EOF {
		t.Fatalf("Read: %v", err)
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(threeLines))
	f.Add([]byte(`[{"id":1,"text":"a"},{"id":"2","html":"<p>b</p>"}]`))
	f.Add([]byte("{\"id\":\"x\",\"text\":\"caf\xe9\"}\n{not json\n"))
	f.Add([]byte(`{"id":{"nested":1},"source":{"name":"N"},"published":"2024-02-30","text":"t"}`))
	f.Add(gzBytes([]byte(threeLines)))
	f.Fuzz(fuzzRead)
}

func FuzzText(f *testing.F) {
	f.Add([]byte("Storm batters coast\n\nThe storm hit on Monday."))
	f.Add([]byte("Title: T\nPublished: 2024-01-02\n\nBody."))
	f.Add([]byte("Title: T\nPublished: soon\n\nBody."))
	f.Add([]byte("\ufeffU.S. Troops Leave\r\n\r\nThe troops left. Gen. X said."))
	f.Add([]byte("\xff\xfe binary-ish"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseText(data)
		if err != nil {
			return
		}
		if a.Text == "" || strings.TrimSpace(a.Text) != a.Text {
			t.Fatalf("text not trimmed or empty: %q", a.Text)
		}
		if strings.Contains(a.Title, "\n") {
			t.Fatalf("title spans lines: %q", a.Title)
		}
	})
}

func FuzzLineReader(f *testing.F) {
	f.Add([]byte("a\nbb\r\nccc"), 2)
	f.Add([]byte("\n\n\n"), 1)
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		if max < 1 || max > 64 {
			return
		}
		lr := newLineReader(bytes.NewReader(data), max)
		lines := 0
		for {
			line, err := lr.next()
			if err == io.EOF {
				break
			}
			lines++
			if err == nil && len(line) > max {
				t.Fatalf("line of %d bytes over max %d", len(line), max)
			}
			if lines > len(data)+1 {
				t.Fatalf("more lines than bytes")
			}
		}
		if want := bytes.Count(data, []byte{'\n'}); lines != want && lines != want+1 {
			t.Fatalf("%d lines for %d newlines", lines, want)
		}
	})
}

// FuzzFeed feeds arbitrary documents to the feed mapping: every entry is an
// item or an error naming the feed, and Parse never panics on either.
func FuzzFeed(f *testing.F) {
	f.Add([]byte(rssFeed))
	f.Add([]byte(atomFeed))
	f.Add([]byte(jsonFeed))
	f.Add([]byte("<!DOCTYPE html><html><body>no feed</body></html>"))
	f.Add([]byte(`<rss><channel><item><title></title><description><![CDATA[<p><b>x</p>]]></description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := emitFeed("f.xml", "https://example.com/feed", data, func(it Item) error {
			if it.Err != nil {
				if !strings.HasPrefix(it.Err.Error(), "f.xml") {
					t.Fatalf("error %q does not name the feed", it.Err)
				}
				return nil
			}
			if _, err := Parse(it); err != nil && !strings.HasPrefix(err.Error(), "f.xml") {
				t.Fatalf("parse error %q does not name the feed", err)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzWARC feeds arbitrary bytes to the WARC reader: it ends, reports
// errors with the record number, and never panics.
func FuzzWARC(f *testing.F) {
	f.Add([]byte(warcRec("response", "https://a.example/x", "application/http; msgtype=response", httpResponse("text/html", page))))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nab"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 12\r\n\r\n<p>hello</p>\r\n\r\nWARC/1.0\r\nbad\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		err := readWARC("w.warc", bytes.NewReader(data), Options{MaxFile: 1 << 16}, func(it Item) error {
			n++
			if n > len(data)+1 {
				t.Fatalf("more items than bytes")
			}
			if it.Err != nil && !strings.HasPrefix(it.Err.Error(), "w.warc:") {
				t.Fatalf("error %q does not name the record", it.Err)
			}
			if it.Err == nil {
				Parse(it)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
