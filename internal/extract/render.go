package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// block is one paragraph of rendered content and the element it came from.
type block struct {
	tag  string  // lower-case element name: p, h1, li, td...; "" for loose text
	text string  // whitespace collapsed
	link float64 // share of the letters inside links
}

// blockTags start and end a paragraph when rendering.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "br": true, "blockquote": true, "tr": true, "figcaption": true, "figure": true,
	"ul": true, "ol": true, "table": true, "section": true, "article": true, "header": true,
	"footer": true, "pre": true, "dd": true, "dt": true, "main": true, "aside": true, "hr": true,
}

// skipTags hold no readable text.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true, "head": true}

// render lists the paragraphs of a content tree in document order.
func render(n *html.Node) []block {
	var (
		out           []block
		b             strings.Builder
		tag           string
		letters, link int
	)
	flush := func() {
		if t := strings.Join(strings.Fields(b.String()), " "); t != "" {
			bl := block{tag: tag, text: t}
			if letters > 0 {
				bl.link = float64(link) / float64(letters)
			}
			out = append(out, bl)
		}
		b.Reset()
		tag = ""
		letters, link = 0, 0
	}
	var walk func(n *html.Node, enclosing string, inLink bool)
	walk = func(n *html.Node, enclosing string, inLink bool) {
		switch n.Type {
		case html.TextNode:
			if tag == "" && strings.TrimSpace(n.Data) != "" {
				tag = enclosing
			}
			for _, r := range n.Data {
				if unicode.IsLetter(r) {
					letters++
					if inLink {
						link++
					}
				}
			}
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch {
			case skipTags[n.Data], n.Data == "img", n.Data == "input":
				return
			case blockTags[n.Data]:
				flush()
				enclosing = n.Data
			case n.Data == "td", n.Data == "th":
				b.WriteByte(' ') // cells are words apart
			case n.Data == "a":
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, enclosing, inLink)
		}
		if n.Type == html.ElementNode && blockTags[n.Data] {
			flush()
		}
	}
	walk(n, "", false)
	flush()
	return out
}
