package annotate

import (
	"strings"

	"github.com/sitrep/sitrep/internal/words"
)

// Span is a piece of the text in byte offsets.
type Span struct {
	Start, End int
	Text       string
}

func span(text string, s, e int) Span { return Span{s, e, text[s:e]} }

// Sentences splits text into sentences. It keeps "Gen.", "U.S.", "Jan. 3"
// and "3 p.m." inside their sentence, and a quotation that runs over
// several sentences ("“We tried. We failed,” she said.") in one.
func Sentences(text string) []Span {
	raw := words.Sentences(text)
	out := make([]Span, 0, len(raw))
	open := false // a curly or straight double quote left open
	for _, s := range raw {
		t := text[s.Start:s.End]
		if len(out) > 0 && paragraphBreak(text, out[len(out)-1].End, s.Start) {
			open = false // a quotation left open does not carry into the next paragraph
		}
		if open && len(out) > 0 {
			last := &out[len(out)-1]
			last.End = s.End
			last.Text = text[last.Start:last.End]
		} else {
			out = append(out, span(text, s.Start, s.End))
		}
		open = quoteOpenAfter(t, open)
	}
	return out
}

// paragraphBreak reports whether a blank line or a line break separates two
// sentences: quotations do not carry across paragraphs.
func paragraphBreak(text string, a, b int) bool {
	return strings.Contains(text[a:b], "\n")
}

// quoteOpenAfter reports whether a double quotation is still open after t,
// given whether one was open before it.
func quoteOpenAfter(t string, open bool) bool {
	for _, r := range t {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}
