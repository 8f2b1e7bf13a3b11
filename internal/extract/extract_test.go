package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/corpustest"
)

func TestCleanText(t *testing.T) {
	in := "(CNN) — The port reopened on Thursday.\n\nCrews worked all night.\n\nRead more: Port fire latest\n\n* * *\n\nAnna Bell contributed reporting."
	a := CleanText(in)
	if a.Text != "The port reopened on Thursday.\n\nCrews worked all night." {
		t.Errorf("text %q", a.Text)
	}
	if a.Outlet != "CNN" || len(a.Credits) != 1 || len(a.Removed) != 4 {
		t.Errorf("outlet %q credits %q removed %+v", a.Outlet, a.Credits, a.Removed)
	}
	// Report text that merely looks like furniture stays.
	for _, keep := range []string{
		"WASHINGTON is a city; the river — wide and slow — runs past it.",
		"The photo, taken by a tourist, went viral.",
		"He said the company contributed to the fund in 2019 and would again.",
		"SEE YOU IN COURT, the sign read.",
	} {
		if got := CleanText(keep).Text; got != keep {
			t.Errorf("CleanText(%q) = %q", keep, got)
		}
	}
	// A dateline with a wire credit.
	a = CleanText("ST. JOSEPH, Mich. (AP) — Health officials reported a sixth death.\nREUTER")
	if a.Dateline != "ST. JOSEPH, Mich. (AP)" || a.Text != "Health officials reported a sixth death." || a.Outlet != "Reuters" {
		t.Errorf("dateline %q text %q outlet %q", a.Dateline, a.Text, a.Outlet)
	}
}

func TestHTMLPage(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en-GB"><head><title>Fire rips through cargo ship - Gazette</title>
<link rel="canonical" href="https://www.theguardian.com/world/fire">
<meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2020-12-02T09:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article>
<h1>Fire rips through cargo ship</h1><h2>Crews fought the blaze overnight at the port</h2>
<figure><img src="x.jpg"><figcaption>The ship at dawn. (Photo by Ana Ruiz/Reuters)</figcaption></figure>
<p>PORT CALDER – A fire broke out on a cargo ship docked at Port Calder on Tuesday night, the port authority said, and crews fought it until dawn.</p>
<p><a href="/more"><strong>CLICK HERE TO GET THE GAZETTE APP</strong></a></p>
<p>The ship, carrying timber and machinery, was evacuated and nobody was hurt, according to the harbour master, who said the cause was not known.</p>
<table><tr><td>Crew</td><td>21</td></tr></table>
<p>Firefighters from three towns joined the effort, and the port was closed to traffic for most of Wednesday while the hull cooled.</p>
<h3>Related: Port strike ends</h3><h3>Harbour dredging starts</h3>
</article></main><footer>Copyright 2020 Gazette</footer></body></html>`
	a, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Fire rips through cargo ship" || a.Byline != "Ana Ruiz" || a.Lang != "en" ||
		a.Published.Format("2006-01-02") != "2020-12-02" || a.Outlet != "The Guardian" || a.URL != "https://www.theguardian.com/world/fire" {
		t.Errorf("metadata: %+v", a)
	}
	if !strings.HasPrefix(a.Text, "A fire broke out") || a.Dateline != "PORT CALDER" {
		t.Errorf("text starts %q, dateline %q", a.Text[:min(len(a.Text), 40)], a.Dateline)
	}
	for _, gone := range []string{"Crews fought the blaze", "Photo by", "GAZETTE APP", "Related", "Harbour dredging", "Home"} {
		if strings.Contains(a.Text, gone) {
			t.Errorf("text still holds %q:\n%s", gone, a.Text)
		}
	}
	if !strings.Contains(a.Text, "Crew 21") {
		t.Errorf("table cells run together or lost:\n%s", a.Text)
	}
	if _, err := HTML([]byte("<html><body><nav><a href='/'>Home</a></nav></body></html>"), ""); err != ErrNoArticle {
		t.Errorf("page with no article: %v", err)
	}
	if _, err := HTML(make([]byte, MaxHTML+1), ""); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("oversized page: %v", err)
	}
}

func TestOutletForURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.washingtonpost.com/world/x": "The Washington Post",
		"https://edition.cnn.com/2020/12/02/x":   "CNN",
		"https://www.sfgate.com/news/x":          "sfgate.com",
		"not a url":                              "",
	} {
		if got := OutletForURL(in); got != want {
			t.Errorf("OutletForURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExtractionBenchmark guards the benchmark figure (BENCHMARKS.md): the
// scrapinghub article-extraction benchmark, 181 pages.
func TestExtractionBenchmark(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 181 pages")
	}
	dir := corpustest.Shared(t, "corpus/extraction")
	rep, err := EvalDir(dir, func(a *Article) string {
		if a.Dateline == "" {
			return a.Text
		}
		return a.Dateline + " – " + a.Text
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("P %.4f R %.4f F1 %.4f over %d pages", rep.Precision, rep.Recall, rep.F1, rep.Pages)
	if rep.Pages != 181 || rep.F1 < 0.965 {
		t.Errorf("F1 %.4f over %d pages, want ≥ 0.965 over 181", rep.F1, rep.Pages)
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte("<html><body><article><h1>T</h1><p>BAGHDAD – Body text here that runs long enough.</p></article></body></html>"), "https://example.com/a")
	f.Add([]byte("<p>(Photo by X/AFP via Getty Images)</p><table><tr><td>a</td></tr></table>"), "")
	f.Add([]byte("<html><body><p>\xff\xfe bad bytes</p></body></html>"), "::")
	f.Fuzz(func(t *testing.T, page []byte, u string) {
		a, err := HTML(page, u)
		if err != nil {
			return
		}
		if a.Text == "" {
			t.Fatalf("article with no text")
		}
		if utf8.Valid(page) && !utf8.ValidString(a.Text) {
			t.Fatalf("valid input gave invalid UTF-8")
		}
	})
}

func FuzzCleanText(f *testing.F) {
	f.Add("CNN  —\n\nBAGHDAD – The US is withdrawing.\n\n– – –\n\nCNN’s Barbara Starr contributed to this report.")
	f.Add("02:31 - Source: CNN\nREUTER")
	f.Add("[File: Reuters] x")
	f.Fuzz(func(t *testing.T, s string) {
		a := CleanText(s)
		if strings.TrimSpace(a.Text) != a.Text || strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("untidy text %q", a.Text)
		}
		if len(a.Text) > len(s) {
			t.Fatalf("cleanup added text: %q -> %q", s, a.Text)
		}
	})
}
