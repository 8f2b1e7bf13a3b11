package model

import (
	"testing"
	"time"
)

func TestDeriveID(t *testing.T) {
	for _, tc := range []struct {
		name       string
		a, b       [3]string
		same       bool
		wantPrefix byte
	}{
		{"given id wins", [3]string{" x1 ", "https://a.example/1", "t"}, [3]string{"x1", "", "other"}, true, 'x'},
		{"url spelling", [3]string{"", "HTTPS://A.example/path/#top", "t"}, [3]string{"", "https://a.example/path", "u"}, true, 'u'},
		{"url path case matters", [3]string{"", "https://a.example/Path", ""}, [3]string{"", "https://a.example/path", ""}, false, 'u'},
		{"text spacing", [3]string{"", "", "Hello,   World!\n"}, [3]string{"", "", "hello world"}, true, 't'},
		{"text differs", [3]string{"", "", "Hello world"}, [3]string{"", "", "Hello there"}, false, 't'},
	} {
		a := DeriveID(tc.a[0], tc.a[1], tc.a[2])
		b := DeriveID(tc.b[0], tc.b[1], tc.b[2])
		if (a == b) != tc.same || a[0] != tc.wantPrefix {
			t.Errorf("%s: %q vs %q (same=%v, want %v, prefix %c)", tc.name, a, b, a == b, tc.same, tc.wantPrefix)
		}
	}
}

func TestContentHashCoversEveryField(t *testing.T) {
	base := Article{ID: "i", URL: "u", Outlet: "o", Title: "t", Byline: "b", Published: time.Unix(1, 0), Lang: "en",
		Text: "x", Dateline: "d", Credits: []string{"c"}}
	mutations := map[string]func(*Article){
		"url": func(a *Article) { a.URL = "v" }, "outlet": func(a *Article) { a.Outlet = "p" },
		"title": func(a *Article) { a.Title = "T" }, "byline": func(a *Article) { a.Byline = "B" },
		"published": func(a *Article) { a.Published = time.Unix(2, 0) }, "lang": func(a *Article) { a.Lang = "de" },
		"text": func(a *Article) { a.Text = "y" }, "dateline": func(a *Article) { a.Dateline = "D" },
		"credits":  func(a *Article) { a.Credits = []string{"c", "d"} },
		"boundary": func(a *Article) { a.Title, a.Byline = "tb", "" },
	}
	h := base.ContentHash()
	for name, mut := range mutations {
		a := base
		mut(&a)
		if a.ContentHash() == h {
			t.Errorf("changing %s keeps the hash", name)
		}
	}
	c := base
	c.Story, c.CopyOf = "s", "other"
	if c.ContentHash() != h {
		t.Error("derived fields (story, copy_of) change the content hash")
	}
}

func TestTruncateAndDisplayTitle(t *testing.T) {
	if got := Truncate("héllo wörld", 6); got != "héllo…" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate("short", 10); got != "short" {
		t.Errorf("Truncate = %q", got)
	}
	a := Article{Text: "First line of the body\nsecond"}
	if got := a.DisplayTitle(); got != "First line of the body" {
		t.Errorf("DisplayTitle = %q", got)
	}
}
