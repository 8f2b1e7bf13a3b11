package brief

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// JSON writes the brief as indented JSON (schema: the Brief type).
func JSON(w io.Writer, bs []*Brief) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if len(bs) == 1 {
		return enc.Encode(bs[0])
	}
	return enc.Encode(bs)
}

// Markdown writes the brief as Markdown.
func Markdown(w io.Writer, b *Brief) error {
	r := &renderer{w: w, md: true}
	r.brief(b)
	return r.err
}

// Text writes the brief for a terminal, wrapped at width columns, with
// ANSI colour when colour is true.
func Text(w io.Writer, b *Brief, width int, colour bool) error {
	r := &renderer{w: w, width: width, colour: colour}
	r.brief(b)
	return r.err
}

type renderer struct {
	w      io.Writer
	md     bool
	width  int
	colour bool
	err    error
}

func (r *renderer) printf(format string, a ...any) {
	if r.err == nil {
		_, r.err = fmt.Fprintf(r.w, format, a...)
	}
}

func (r *renderer) heading(level int, s string) {
	if r.md {
		r.printf("%s %s\n\n", strings.Repeat("#", level), s)
		return
	}
	if level == 1 {
		s = wrap("", "", s, r.width)
		long := 0
		for _, line := range strings.Split(s, "\n") {
			long = max(long, len([]rune(line)))
		}
		if r.colour {
			s = "\x1b[1m" + s + "\x1b[0m"
		}
		r.printf("%s\n%s\n\n", s, strings.Repeat("=", long))
		return
	}
	if r.colour {
		s = "\x1b[1m" + s + "\x1b[0m"
	}
	r.printf("%s\n\n", strings.ToUpper(s[:1])+s[1:])
}

// item writes a list item, wrapped on a terminal.
func (r *renderer) item(s string) {
	if r.md {
		r.printf("- %s\n", s)
		return
	}
	r.printf("%s\n", wrap("  • ", "    ", s, r.width))
}

func (r *renderer) sub(s string) {
	if r.md {
		r.printf("  - %s\n", s)
		return
	}
	r.printf("%s\n", wrap("      ", "      ", s, r.width))
}

func (r *renderer) end() { r.printf("\n") }

func (r *renderer) em(s string) string {
	if r.md {
		return "**" + s + "**"
	}
	if r.colour {
		return "\x1b[1m" + s + "\x1b[0m"
	}
	return s
}

func (r *renderer) quote(s string) string {
	if r.md {
		return "“" + strings.ReplaceAll(s, "*", "\\*") + "”"
	}
	return "“" + s + "”"
}

func (r *renderer) brief(b *Brief) {
	r.heading(1, b.Headline)
	r.printf("%s\n\n", r.para(fmt.Sprintf("%d reports, %d outlets, %d independent.", len(b.Reports), b.Outlets, b.Independent)))
	if len(b.Summary) > 0 {
		r.heading(2, "Summary")
		for _, l := range b.Summary {
			r.item(l.Text + " (" + l.Outlet + ")")
		}
		r.end()
	}
	r.heading(2, "Coverage")
	for _, rep := range b.Reports {
		when := "time unknown"
		if rep.Published != nil {
			when = rep.Published.UTC().Format("2006-01-02 15:04 UTC")
		}
		status := "original"
		if rep.CopyOf != "" {
			status = rep.CopyType + " copy of " + rep.CopyOfOutlet
		}
		line := fmt.Sprintf("%s — %s, %d words, %s", r.em(rep.Outlet), when, rep.Words, status)
		if rep.Title != "" {
			line += ": " + rep.Title
		}
		r.item(line)
		for _, c := range rep.Credits {
			r.sub(fmt.Sprintf("credits %s (%s): %s", c.Outlet, strings.ReplaceAll(c.Kind, "_", " "), r.quote(c.Text)))
		}
	}
	r.end()
	if b.First != nil {
		r.heading(2, "First reporter")
		if b.First.By == "credit" {
			r.item(fmt.Sprintf("%s — credited by %s: %s", r.em(b.First.Outlet), b.First.CreditedBy, r.quote(b.First.Evidence)))
		} else {
			r.item(fmt.Sprintf("%s — %s", r.em(b.First.Outlet), b.First.Evidence))
		}
		r.end()
	}
	var corr, single []Claim
	for _, c := range b.Claims {
		if c.Status == Corroborated {
			corr = append(corr, c)
		} else {
			single = append(single, c)
		}
	}
	if len(corr) > 0 {
		r.heading(2, "Corroborated")
		for _, c := range corr {
			r.item(fmt.Sprintf("%s (%s)", c.Versions[0].Text, strings.Join(c.Outlets, ", ")))
			for _, v := range c.Versions[1:] {
				r.sub(v.Outlet + ": " + v.Text)
			}
		}
		r.end()
	}
	if len(b.Conflicts) > 0 {
		r.heading(2, "Where accounts differ")
		for _, c := range b.Conflicts {
			var sides []string
			for _, s := range c.Sides {
				sides = append(sides, s.Outlet+": "+r.quote(s.Says))
			}
			r.item(r.em(c.About) + " — " + strings.Join(sides, " vs "))
			for _, s := range c.Sides {
				r.sub(s.Outlet + ": " + s.Text)
			}
		}
		r.end()
	}
	if len(single) > 0 {
		r.heading(2, "Single-source")
		for _, c := range single {
			r.item(c.Outlets[0] + " only: " + c.Versions[0].Text)
		}
		r.end()
	}
	if len(b.Quotes) > 0 {
		r.heading(2, "Quotes shared across outlets")
		for _, q := range b.Quotes {
			r.item(r.quote(q.Text))
			for _, a := range q.Attributions {
				r.sub(a.Outlet + ": " + describe(a))
			}
		}
		r.end()
	}
	if len(b.Sourcing) > 0 {
		r.heading(2, "Sourcing")
		for _, s := range b.Sourcing {
			var parts []string
			if len(s.Named) > 0 {
				parts = append(parts, "named: "+strings.Join(s.Named, "; "))
			}
			if len(s.Anonymous) > 0 {
				parts = append(parts, "anonymous: "+strings.Join(s.Anonymous, "; "))
			}
			if len(s.Documents) > 0 {
				parts = append(parts, "documents: "+strings.Join(s.Documents, "; "))
			}
			if len(parts) == 0 {
				parts = append(parts, "no attributed sources found")
			}
			r.item(r.em(s.Outlet) + " — " + strings.Join(parts, " · "))
		}
		r.end()
	}
	if len(b.Entities) > 0 {
		r.heading(2, "Who and where")
		for _, typ := range []struct{ t, label string }{{"PERSON", "People"}, {"ORG", "Organisations"}, {"LOC", "Places"}} {
			var names []string
			for _, e := range b.Entities {
				if e.Type != typ.t {
					continue
				}
				n := e.Name
				if e.Role != "" && typ.t == "PERSON" {
					n = e.Role + " " + n
				}
				if e.Country != "" && typ.t == "LOC" && e.Name != "" {
					n += " [" + e.Country + "]"
				}
				names = append(names, fmt.Sprintf("%s (%d)", n, len(e.Outlets)))
			}
			if len(names) > 0 {
				r.item(typ.label + ": " + strings.Join(names, ", "))
			}
		}
		r.printf("%s\n\n", r.para("(n) = outlets mentioning it"))
	}
	if len(b.Timeline) > 0 {
		r.heading(2, "Timeline")
		if r.md {
			r.printf("| date | event | from |\n|---|---|---|\n")
			for _, e := range b.Timeline {
				d := e.Date
				if e.Upcoming {
					d += " upcoming"
				}
				r.printf("| %s | %s | %s |\n", d, strings.ReplaceAll(e.Text, "|", "\\|"), strings.Join(e.Outlets, "; "))
			}
			r.end()
		} else {
			for _, e := range b.Timeline {
				d := e.Date
				if e.Upcoming {
					d += " (upcoming)"
				}
				r.item(r.em(d) + " — " + e.Text + " [" + strings.Join(e.Outlets, "; ") + "]")
			}
			r.end()
		}
	}
}

func (r *renderer) para(s string) string {
	if r.md || r.width == 0 {
		return s
	}
	return wrap("", "", s, r.width)
}

func describe(a Attribution) string {
	switch {
	case a.Source == "" && a.Speaker == "":
		return "unattributed"
	case a.Source == "":
		return a.Speaker + " (" + strings.ReplaceAll(a.SourceType, "_", " ") + ", continuing)"
	case a.Speaker != "" && !strings.EqualFold(a.Speaker, a.Source):
		return fmt.Sprintf("%s → %s (%s)", a.Source, a.Speaker, strings.ReplaceAll(a.SourceType, "_", " "))
	}
	return a.Source + " (" + strings.ReplaceAll(a.SourceType, "_", " ") + ")"
}

// wrap breaks s into lines of at most width columns, the first prefixed by
// first and the rest by rest.
func wrap(first, rest, s string, width int) string {
	if width <= 0 {
		return first + s
	}
	var b strings.Builder
	line := first
	n := len([]rune(first))
	empty := true
	for _, w := range strings.Fields(s) {
		wl := len([]rune(visible(w)))
		if !empty && n+1+wl > width {
			b.WriteString(line + "\n")
			line, n, empty = rest, len([]rune(rest)), true
		}
		if !empty {
			line += " "
			n++
		}
		line += w
		n += wl
		empty = false
	}
	b.WriteString(line)
	return b.String()
}

// visible drops ANSI escapes for width counting.
func visible(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}
