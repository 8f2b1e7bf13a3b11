package extract

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxHTML is the largest page HTML accepts; bigger pages are refused rather
// than parsed for seconds and held in memory.
const MaxHTML = 16 << 20

// HTML extracts the article of one web page. pageURL, when known, resolves
// relative links and names the outlet; the page's canonical URL wins over it.
func HTML(page []byte, pageURL string) (*Article, error) {
	if len(page) > MaxHTML {
		return nil, fmt.Errorf("%w: %d MB, over the %d MB limit", ErrTooLarge, len(page)>>20, MaxHTML>>20)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	opts := trafilatura.Options{ExcludeComments: true, HtmlDateMode: trafilatura.Fast}
	if u, err := nurl.Parse(strings.TrimSpace(pageURL)); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	lang := docLang(doc)
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, ErrNoArticle
	}
	md := res.Metadata
	a := &Article{
		URL:       firstNonEmpty(md.URL, pageURL),
		Title:     oneLine(md.Title),
		Byline:    oneLine(md.Author),
		Published: md.Date.UTC(),
		Lang:      lang,
		SiteName:  oneLine(md.Sitename),
	}
	blocks := render(res.ContentNode)
	if linkShare(blocks) > 0.8 {
		return nil, ErrNoArticle // navigation, a link list: no report
	}
	c := &cleaner{a: a}
	body := c.paragraphs(c.blocks(blocks, a.Title))
	var kept []string
	for _, p := range body {
		if p != "" {
			kept = append(kept, p)
		}
	}
	a.Text = strings.Join(kept, "\n\n")
	words := len(strings.Fields(a.Text))
	if words < 5 {
		return nil, ErrNoArticle
	}
	if a.Lang == "" && words >= 50 {
		a.Lang = md.Language // detected from the text: only trusted on a real body
	}
	a.Outlet = OutletForURL(a.URL)
	if a.Outlet == "" {
		a.Outlet = firstNonEmpty(c.outlet(), a.SiteName)
	}
	return a, nil
}

// docLang is the lang attribute of the html element, without a region.
func docLang(doc *html.Node) string {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.Data == "html" {
			for _, at := range n.Attr {
				if at.Key == "lang" {
					l, _, _ := strings.Cut(strings.TrimSpace(at.Val), "-")
					return strings.ToLower(l)
				}
			}
		}
	}
	return ""
}

var (
	bareURLRe  = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)
	bylineRe   = regexp.MustCompile(`(?i)^(?:by|from|posted by|written by)\s+\S`)
	dateLineRe = regexp.MustCompile(`(?i)^(?:(?:published|updated|posted|last updated)[: ]|\w+day,? |\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))`)
)

// blocks applies the page-level cleanup to rendered content: the headline,
// standfirst, byline and date repeated at the top; runs of headings left at
// the bottom (related stories); bare URLs and shouted promo lines anywhere.
// It returns the paragraphs that remain for the text cleanup.
func (c *cleaner) blocks(bs []block, title string) []string {
	titleKey := wordKey(title)
	// Top: headings, the title, bylines and dates before the first paragraph.
	start := 0
	for ; start < len(bs) && start < 8; start++ {
		b := bs[start]
		key := wordKey(b.text)
		words := len(strings.Fields(b.text))
		switch {
		case heading(b.tag) || (key != "" && (key == titleKey || strings.Contains(titleKey, key) && words >= 4)):
			c.remove(KindHeadline, b.text)
		case words <= 12 && (bylineRe.MatchString(b.text) || dateLineRe.MatchString(b.text)) && !sentenceEnd(b.text):
			c.remove(KindByline, b.text)
		case bareURLRe.MatchString(b.text):
			c.remove(KindBoilerplate, b.text)
		default:
			goto body
		}
	}
body:
	// Bottom: a run of headings after the last paragraph is a link list.
	end := len(bs)
	for end > start && heading(bs[end-1].tag) {
		end--
	}
	var out []string
	for _, b := range bs[start:end] {
		switch {
		case b.link >= 0.5 && (shouted(b.text) || weakPromptRe.MatchString(b.text)):
			c.remove(KindPromo, b.text)
		default:
			out = append(out, b.text)
		}
	}
	for _, b := range bs[end:] {
		c.remove(KindPromo, b.text)
	}
	return out
}

// linkShare is the share of the letters of bs that sit inside links.
func linkShare(bs []block) float64 {
	var all, linked float64
	for _, b := range bs {
		n := float64(len(b.text))
		all += n
		linked += n * b.link
	}
	if all == 0 {
		return 1
	}
	return linked / all
}

func heading(tag string) bool {
	return len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'
}

// shouted is a line of three or more words in capitals: in running text a
// promo ("CLICK HERE TO GET THE APP", a related headline), not body.
func shouted(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	return upper >= 12 && lower*20 < upper && len(strings.Fields(s)) >= 3
}

func sentenceEnd(s string) bool {
	s = strings.TrimRight(s, " ”\"’'")
	return strings.HasSuffix(s, ".") && len(strings.Fields(s)) > 6
}

// wordKey is the lower-cased words of s, for comparing a block with the title.
func wordKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// FragmentText turns an HTML fragment (a feed entry's content or summary)
// into plain text, one paragraph per block, with no main-text selection (the
// fragment is the article already) and no cleanup yet: CleanText does that.
func FragmentText(fragment string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return fragment
	}
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	var ps []string
	for _, b := range render(root) {
		ps = append(ps, b.text)
	}
	return strings.Join(ps, "\n\n")
}
