package extract

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	// ruleRe is a separator line: dashes, bullets, asterisks.
	ruleRe = regexp.MustCompile(`^[\s\p{Zs}\-–—_*•·=~#]+$`)
	// promoTimeRe is a video promo's duration and source: "02:31 - Source: CNN".
	promoTimeRe = regexp.MustCompile(`^\d{1,2}:\d{2}(?::\d{2})?\s*[-–—]\s*Source:\s*(.+?)\s*$`)
	// markerRe is an outlet marker alone on a line: "CNN —", "(CNN) –".
	markerRe = regexp.MustCompile(`^\(?([A-Z][\p{L}.&'’ ]{0,40}?)\)?[\s\p{Zs}]*[—–-]{1,2}[\s\p{Zs}]*$`)
	// markerLeadRe is an outlet marker opening a paragraph: "(CNN) — The …".
	markerLeadRe = regexp.MustCompile(`^\(?([A-Z][\p{L}.&'’ ]{0,40}?)\)?[\s\p{Zs}]+[—–][\s\p{Zs}]+`)
	// datelineRe is a dateline opening the first paragraph: a place in
	// capitals, optionally a state or country, optionally a wire in
	// parentheses, then a dash: "BAGHDAD –", "ST. JOSEPH, Mich. (AP) —".
	datelineRe = regexp.MustCompile(`^((?:[A-Z][A-Z.'’\-]*\s?){1,5}[A-Z.]?)(,\s*[A-Z][\p{L}.]*(?:\s[A-Z][\p{L}.]*)?)?\s*(?:\(([^)]{1,30})\))?[\s\p{Zs}]*[—–-]{1,2}[\s\p{Zs}]+`)
	// captionRes are photo captions and credits.
	captionRes = []*regexp.Regexp{
		regexp.MustCompile(`\((?:Photo|Photograph|Picture|Image|Credit|Video)s?(?:\s+by|:)[^)]*\)\s*$`),
		regexp.MustCompile(`(?i)(?:via Getty Images|Getty Images|Shutterstock)\)?\s*$`),
		regexp.MustCompile(`^(?:Photo|Image|Picture|Photograph)(?: credit)?:\s`),
	}
	// bracketCreditRe is a caption's credit in brackets: "[File: Reuters]".
	bracketCreditRe = regexp.MustCompile(`\[(?:File|Photo|Image|Picture)?:?\s?[^\]\[]{0,80}?(?:Reuters|AP|AFP|EPA|Getty|via|File|Photo)[^\]\[]{0,40}\]`)
	// creditRes are contributor and reporting lines.
	creditRes = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\bcontributed(?:\s+(?:reporting|to\s+this\s+(?:report|story|article)))?(?:\s+from\s+[\p{L} ,.]+)?\.?\s*$`),
		regexp.MustCompile(`(?i)^(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by\s`),
		regexp.MustCompile(`\breported\s+from\s+[A-Z][\p{L}]+`),
	}
	// possessiveRe finds "The Washington Post's" in a credit line.
	possessiveRe = regexp.MustCompile(`((?:[Tt]he\s)?[A-Z][\p{L}.&]*(?:\s[A-Z][\p{L}.&]*){0,4})['’]s\s`)
	// signoffRe is a wire sign-off closing the text.
	signoffRe = regexp.MustCompile(`(?:^|\s)(REUTER|Reuter|REUTERS|Reuters|AP|AFP)\s*(?:&#3;)?\s*$`)
	// promptRe opens newsletter, subscription, related-story and legal
	// prompts: lines that are never report text.
	promptRe = regexp.MustCompile(`(?i)^(?:read more\s*:|see more\s*:|see also\s*:|related(?: coverage| articles?| stories)?\s*:|more\s*:|don['’]t miss|recommended(?: for you)?:?$|you may also like|you might also like|also read\s*:|read also\s*:|like this story|continue reading|advertisement$|have a tip\?|write to .+ at \S+@|copyright\b|©|all rights reserved|this copy is for your personal|this article has been sent|an error has occurred|thanks for signing up|keep an eye on your inbox|there was an error processing|(?:sign up|subscribe) (?:for|to) (?:our|the) .*newsletter|get (?:the )?\S+(?: \S+)? (?:on the go|app)\b|click here to (?:get|download) the .* app)`)
	// weakPromptRe opens lines that are prompts when they are links (in a
	// page) but may be report text otherwise.
	weakPromptRe = regexp.MustCompile(`(?i)^(?:click here|sign up|subscribe|share this|see more|watch|listen|download|itunes|follow (?:us|him|her|them|me)|read more|more from)\b`)
)

// cleaner removes non-body lines from a list of paragraphs and records what
// it removed and the outlet signals it met.
type cleaner struct {
	a       *Article
	signals []signal
}

// signal is evidence of which outlet published a text, strongest first.
type signal struct {
	strength int // 3 marker or sign-off, 2 own contributor line, 1 promo source or wire dateline
	name     string
}

func (c *cleaner) remove(kind, text string) {
	c.a.Removed = append(c.a.Removed, Removed{Kind: kind, Text: text})
	if kind == KindCredit || kind == KindSignoff {
		c.a.Credits = append(c.a.Credits, text)
	}
}

// signal records an outlet name met in the text. A name caught with words
// before it ("Washington. The Washington Post") is tried without them.
func (c *cleaner) signal(strength int, name string) {
	words := strings.Fields(name)
	for i := range words {
		if o, ok := LookupOutlet(strings.Join(words[i:], " ")); ok {
			c.signals = append(c.signals, signal{strength, o.Name})
			return
		}
	}
}

// paragraphs cleans a body given as paragraphs (or lines) and returns them
// with the removed ones emptied, so the caller keeps its own layout.
func (c *cleaner) paragraphs(in []string) []string {
	ps := make([]string, len(in))
	for i, p := range in {
		ps[i] = strings.TrimSpace(p)
	}
	prev := -1 // the last kept paragraph
	first := true
	for i, p := range ps {
		if p == "" {
			continue
		}
		ps[i] = ""
		switch {
		case len(p) >= 3 && !hasAlnum(p) && ruleRe.MatchString(p):
			c.remove(KindRule, p)
			continue
		case p[0] >= '0' && p[0] <= '9' && promoTimeRe.MatchString(p):
			// The promo's title is the short line right before its duration.
			if prev >= 0 && prev == i-1 && headlineLike(ps[prev]) {
				c.remove(KindPromo, ps[prev])
				ps[prev] = ""
				first = lastKept(ps, prev) < 0
			}
			c.remove(KindPromo, p)
			c.signal(1, promoTimeRe.FindStringSubmatch(p)[1])
			continue
		case isCaption(p):
			c.remove(KindCaption, p)
			continue
		case promptRe.MatchString(p):
			c.remove(KindPrompt, p)
			continue
		case isCredit(p):
			c.remove(KindCredit, p)
			for _, m := range possessiveRe.FindAllStringSubmatch(p, -1) {
				c.signal(2, m[1])
			}
			continue
		}
		if m := markerMatch(p); m != nil {
			if _, ok := LookupOutlet(m[1]); ok {
				c.remove(KindMarker, p)
				c.signal(3, m[1])
				continue
			}
		}
		if first {
			if p = c.lead(p); p == "" {
				continue
			}
		}
		ps[i] = p
		prev = i
		first = false
	}
	// A wire sign-off ends the last paragraph or stands alone after it.
	if n := lastKept(ps, len(ps)); n >= 0 {
		tail := ps[n][max(0, len(ps[n])-16):]
		if loc := signoffRe.FindStringSubmatchIndex(tail); loc != nil && (loc[0] > 0 || len(tail) == len(ps[n])) {
			loc[0] += len(ps[n]) - len(tail)
			loc[2] += len(ps[n]) - len(tail)
			loc[3] += len(ps[n]) - len(tail)
			word := ps[n][loc[2]:loc[3]]
			c.remove(KindSignoff, word)
			c.signal(3, word)
			ps[n] = strings.TrimSpace(ps[n][:loc[0]])
		}
	}
	return ps
}

// lastKept is the index of the last non-empty paragraph before end, or -1.
// hasAlnum reports a letter or digit in s.
func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// markerMatch matches an outlet marker alone on a line; markers are short.
func markerMatch(p string) []string {
	if len(p) > 64 || !strings.ContainsAny(p, "—–-") {
		return nil
	}
	return markerRe.FindStringSubmatch(p)
}

func lastKept(ps []string, end int) int {
	for i := end - 1; i >= 0; i-- {
		if ps[i] != "" {
			return i
		}
	}
	return -1
}

// lead takes an outlet marker, a caption glued to the text and a dateline
// off the first body paragraph.
func (c *cleaner) lead(p string) string {
	if loc := bracketCreditRe.FindStringIndex(p[:min(len(p), 600)]); loc != nil && loc[0] < 400 {
		c.remove(KindCaption, strings.TrimSpace(p[:loc[1]]))
		p = strings.TrimSpace(p[loc[1]:])
	}
	if m := markerLeadRe.FindStringSubmatch(p); m != nil {
		if _, ok := LookupOutlet(m[1]); ok {
			c.remove(KindMarker, strings.TrimSpace(m[0]))
			c.signal(3, m[1])
			p = p[len(m[0]):]
		}
	}
	if m := datelineRe.FindStringSubmatch(p); m != nil && datelinePlace(m[1]) {
		d := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(m[0]), "—–-"))
		c.a.Dateline = d
		c.remove(KindDateline, d)
		if m[3] != "" {
			c.signal(1, m[3])
		}
		p = p[len(m[0]):]
	}
	return strings.TrimSpace(p)
}

// datelinePlace accepts a capitalised place of at least three letters that
// is not a shouted sentence opener.
func datelinePlace(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 3 && len(strings.Fields(s)) <= 4
}

// captionHints are words every caption pattern needs: lines without any
// skip the regular expressions.
var captionHints = []string{"Photo", "Picture", "Image", "Credit", "Video", "Getty", "getty", "GETTY", "Shutterstock", "shutterstock", "SHUTTERSTOCK"}

func isCaption(p string) bool {
	if !containsAny(p, captionHints) {
		return false
	}
	for _, re := range captionRes {
		if re.MatchString(p) {
			return true
		}
	}
	return false
}

// isCredit accepts short contributor and "reported from" lines.
// creditHints are what every credit pattern needs, as it may be cased.
var creditHints = []string{"ontributed", "ONTRIBUTED", " by ", " By ", " BY ", "reported from"}

func isCredit(p string) bool {
	if len(p) > 400 || !containsAny(p, creditHints) || len(strings.Fields(p)) > 40 {
		return false
	}
	for _, re := range creditRes {
		if re.MatchString(p) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// headlineLike is a short line that does not end like a sentence.
func headlineLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(strings.Fields(s)) > 14 {
		return false
	}
	switch s[len(s)-1] {
	case '.', ',', ';', ':', '"':
		return false
	}
	return !strings.HasSuffix(s, "”")
}

// outlet picks the outlet the strongest signal names; ties go to the first.
func (c *cleaner) outlet() string {
	best := signal{}
	for _, s := range c.signals {
		if s.strength > best.strength {
			best = s
		}
	}
	return best.name
}

// CleanText cleans a plain-text body: paragraphs are separated by line
// breaks. It returns the article with Text, Credits, Dateline, Removed and,
// when the text names its outlet, Outlet set.
func CleanText(text string) *Article {
	a := &Article{}
	c := &cleaner{a: a}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	a.Text = joinLines(c.paragraphs(lines))
	a.Outlet = c.outlet()
	return a
}

// joinLines joins lines, keeping at most one blank line between paragraphs.
func joinLines(lines []string) string {
	var b strings.Builder
	blank := false
	for _, l := range lines {
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l)
		blank = false
	}
	return b.String()
}
