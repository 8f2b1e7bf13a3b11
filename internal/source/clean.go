package source

import (
	"github.com/sitrep/sitrep/internal/extract"
	"github.com/sitrep/sitrep/internal/model"
)

// clean runs the text cleanup over a's body and fills what it found into
// the fields the input left empty: the outlet (from the URL first, else
// from markers, sign-offs and credit lines), the dateline; credits and
// removed pieces are added to what the input gave.
func clean(a *model.Article) {
	c := extract.CleanText(a.Text)
	a.Text = c.Text
	a.Credits = append(a.Credits, c.Credits...)
	a.Removed = append(a.Removed, c.Removed...)
	if a.Dateline == "" {
		a.Dateline = c.Dateline
	}
	if a.Outlet == "" {
		a.Outlet = firstNonEmpty(extract.OutletForURL(a.URL), c.Outlet)
	}
}

// fromPage fills a from an extracted page where the input gave nothing.
func fromPage(a *model.Article, p *extract.Article) {
	a.Text = p.Text
	a.URL = firstNonEmpty(a.URL, p.URL)
	a.Title = firstNonEmpty(a.Title, p.Title)
	a.Byline = firstNonEmpty(a.Byline, p.Byline)
	a.Lang = firstNonEmpty(a.Lang, p.Lang)
	a.Outlet = firstNonEmpty(a.Outlet, p.Outlet)
	a.Dateline = firstNonEmpty(a.Dateline, p.Dateline)
	if a.Published.IsZero() {
		a.Published = p.Published
	}
	a.Credits = append(a.Credits, p.Credits...)
	a.Removed = append(a.Removed, p.Removed...)
}

// parseHTML extracts the article of one web page.
func parseHTML(data []byte, pageURL string) (*model.Article, error) {
	p, err := extract.HTML(data, pageURL)
	if err != nil {
		return nil, err
	}
	a := &model.Article{}
	fromPage(a, p)
	return a, nil
}
