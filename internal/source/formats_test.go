package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/fetch"
	"github.com/sitrep/sitrep/internal/model"
)

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Port Calder Gazette</title><language>en</language>
<item><title>Fire rips through cargo ship</title><link>https://gazette.example/fire</link>
<guid>1</guid><pubDate>Wed, 02 Dec 2020 10:00:00 GMT</pubDate>
<description><![CDATA[<p>PORT CALDER – A fire broke out on a cargo ship.</p><p>(Photo by Ana Ruiz/Reuters)</p><p>Crews fought it all night.</p>]]></description></item>
<item><title>Harbour reopens</title><link>https://gazette.example/harbour</link>
<pubDate>Thu, 03 Dec 2020 08:00:00 GMT</pubDate><description>The harbour reopened on Thursday.</description></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title>
<entry><title>Ship fire out</title><link href="https://news.example/ship-fire-out"/><id>urn:1</id>
<updated>2020-12-03T09:00:00Z</updated><author><name>Ben Ode</name></author>
<content type="html">&lt;p&gt;The fire is out, the port said.&lt;/p&gt;</content></entry>
</feed>`

const jsonFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
 "items": [{"id": "w1", "url": "https://wire.example/w1", "title": "Port fire", "date_published": "2020-12-02T11:00:00Z",
  "content_text": "A cargo ship burned in Port Calder.\nREUTER"}]}`

func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFeeds(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"a.rss": []byte(rssFeed), "b.atom": []byte(atomFeed), "c.json": []byte(jsonFeed),
		"d.xml": []byte("<!DOCTYPE html><html><body><p>Not a feed</p></body></html>"),
	})
	arts, errs := readAll(t, Options{}, dir)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "d.xml") || !errors.Is(errs[0], ErrNotFeed) ||
		!strings.Contains(errs[0].Error(), "HTML page") {
		t.Fatalf("errors %v, want one naming d.xml as an HTML page, not a feed", errs)
	}
	if len(arts) != 4 {
		t.Fatalf("%d articles from three feeds, want 4", len(arts))
	}
	fire, harbour, atom, wire := arts[0], arts[1], arts[2], arts[3]
	if fire.Title != "Fire rips through cargo ship" || fire.URL != "https://gazette.example/fire" ||
		fire.Published.Format("2006-01-02T15") != "2020-12-02T10" || fire.SourceFormat != "feed" {
		t.Errorf("RSS item: %+v", fire)
	}
	if fire.Text != "A fire broke out on a cargo ship.\n\nCrews fought it all night." || fire.Dateline != "PORT CALDER" {
		t.Errorf("RSS item body %q dateline %q: want the caption out and the dateline in its field", fire.Text, fire.Dateline)
	}
	if fire.Outlet != "gazette.example" || fire.Lang != "en" || harbour.Text != "The harbour reopened on Thursday." {
		t.Errorf("RSS outlet %q lang %q; second item %q", fire.Outlet, fire.Lang, harbour.Text)
	}
	if atom.Byline != "Ben Ode" || atom.Text != "The fire is out, the port said." || atom.Published.IsZero() {
		t.Errorf("Atom entry: %+v", atom)
	}
	if wire.Text != "A cargo ship burned in Port Calder." || len(wire.Credits) != 1 || wire.Credits[0] != "REUTER" {
		t.Errorf("JSON Feed item: text %q credits %q", wire.Text, wire.Credits)
	}
	// Entries are keyed by link: reading the feed again gives the same ids.
	again, _ := readAll(t, Options{}, filepath.Join(dir, "a.rss"))
	if again[0].ID != fire.ID || again[0].Hash != fire.Hash {
		t.Errorf("feed entry ids are not stable")
	}
}

func TestOPML(t *testing.T) {
	opml := `<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body>
<outline text="News"><outline text="Gazette" type="rss" xmlUrl="https://gazette.example/rss"/>
<outline text="Wire" xmlUrl="https://wire.example/feed.json"/></outline>
<outline text="Gazette again" xmlUrl="https://gazette.example/rss"/></body></opml>`
	feeds, err := ParseOPML(strings.NewReader(opml))
	if err != nil || len(feeds) != 2 || feeds[0].URL != "https://gazette.example/rss" || feeds[1].Title != "Wire" {
		t.Fatalf("ParseOPML = %+v, %v", feeds, err)
	}
	if _, err := ParseOPML(strings.NewReader("<html><body>no</body></html>")); err == nil {
		t.Error("an HTML page parsed as OPML")
	}
	// Reading an OPML file fetches each feed once.
	var got []string
	opt := Options{Fetch: func(ctx context.Context, u string) (*fetch.Response, error) {
		got = append(got, u)
		return &fetch.Response{URL: u, ContentType: "application/rss+xml", Body: []byte(rssFeed)}, nil
	}}
	dir := writeFiles(t, map[string][]byte{"list.opml": []byte(opml)})
	arts, errs := readAll(t, opt, filepath.Join(dir, "list.opml"))
	if len(got) != 2 || len(arts) != 4 || len(errs) != 0 {
		t.Fatalf("fetched %v, %d articles, errors %v", got, len(arts), errs)
	}
	if _, errs := readAll(t, Options{}, filepath.Join(dir, "list.opml")); len(errs) != 1 || !errors.Is(errs[0], ErrNoFetcher) {
		t.Errorf("OPML without a fetcher: %v", errs)
	}
}

// warcRecord builds one WARC record.
func warcRec(typ, uri, contentType string, block string) string {
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Record-ID: <urn:uuid:%x>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, len(uri)+len(block), contentType, len(block), block)
}

func httpResponse(contentType, body string) string {
	return fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(body), body)
}

const page = `<!DOCTYPE html><html lang="en"><head><title>Fire rips through cargo ship | Gazette</title>
<meta property="og:title" content="Fire rips through cargo ship"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Fire rips through cargo ship</h1>
<p>PORT CALDER – A fire broke out on a cargo ship docked at Port Calder on Tuesday night, the port authority said, and crews fought it until dawn.</p>
<p>The ship, carrying timber and machinery, was evacuated and nobody was hurt, according to the harbour master, who said the cause was not yet known.</p>
<p>Firefighters from three towns joined the effort, and the port was closed to traffic for most of Wednesday while the hull cooled down.</p>
</article><footer>Copyright 2020 Gazette</footer></body></html>`

func TestWARC(t *testing.T) {
	records := []string{
		warcRec("warcinfo", "", "application/warc-fields", "software: test\r\n"),
		warcRec("request", "https://gazette.example/fire", "application/http; msgtype=request", "GET /fire HTTP/1.1\r\nHost: gazette.example\r\n\r\n"),
		warcRec("response", "https://gazette.example/fire", "application/http; msgtype=response", httpResponse("text/html; charset=utf-8", page)),
		"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nbroken\r\n\r\n",
		warcRec("response", "https://gazette.example/logo.png", "application/http; msgtype=response", httpResponse("image/png", "\x89PNG")),
		warcRec("resource", "https://gazette.example/fire2", "text/html", strings.Replace(page, "cargo ship docked", "cargo ship moored", 1)),
	}
	whole := gzBytes([]byte(strings.Join(records, "")))
	var perRecord bytes.Buffer
	for _, r := range records {
		zw := gzip.NewWriter(&perRecord)
		zw.Write([]byte(r))
		zw.Close()
	}
	for name, data := range map[string][]byte{"plain.warc": []byte(strings.Join(records, "")), "whole.warc.gz": whole, "records.warc.gz": perRecord.Bytes()} {
		t.Run(name, func(t *testing.T) {
			dir := writeFiles(t, map[string][]byte{name: data})
			arts, errs := readAll(t, Options{}, filepath.Join(dir, name))
			if len(errs) != 1 || !errors.Is(errs[0], ErrWARC) || !strings.Contains(errs[0].Error(), name+":4") {
				t.Errorf("errors %v, want one corrupt record named %s:4", errs, name)
			}
			if len(arts) != 2 {
				t.Fatalf("%d articles, want the two HTML pages", len(arts))
			}
			a := arts[0]
			if a.URL != "https://gazette.example/fire" || a.Title != "Fire rips through cargo ship" || a.SourceFormat != "warc" ||
				!strings.HasPrefix(a.Text, "A fire broke out") || a.Dateline != "PORT CALDER" || strings.Contains(a.Text, "Home") {
				t.Errorf("WARC page: url %q title %q dateline %q text %q", a.URL, a.Title, a.Dateline, model.Truncate(a.Text, 60))
			}
		})
	}
}

func TestURLFetch(t *testing.T) {
	hits := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		switch r.URL.Path {
		case "/feed":
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(rssFeed))
		case "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := fetch.New(5e9)
	f.HostInterval = 0
	opt := Options{Fetch: f.Fetch}
	// The test server listens on loopback: refused by default.
	_, errs := readAll(t, opt, srv.URL+"/page")
	if len(errs) != 1 || !errors.Is(errs[0], fetch.ErrPrivate) || !strings.Contains(errs[0].Error(), srv.URL) {
		t.Fatalf("loopback fetch: %v, want a refusal naming the URL", errs)
	}
	if hits != 0 {
		t.Fatalf("a refused URL reached the server")
	}
	f.AllowPrivate = true
	arts, errs := readAll(t, opt, srv.URL+"/page", srv.URL+"/feed", srv.URL+"/missing")
	if len(arts) != 3 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "404") {
		t.Fatalf("%d articles, errors %v; want the page, two feed items and a 404", len(arts), errs)
	}
	if arts[0].URL != srv.URL+"/page" || arts[0].SourceFormat != "url" || arts[0].Title != "Fire rips through cargo ship" {
		t.Errorf("page: %+v", arts[0])
	}
}
