package annotate

import (
	"regexp"
	"strings"

	"github.com/sitrep/sitrep/internal/extract"
)

// Credit is a report naming another outlet as its source: "The Washington
// Post was first to report", "told CNN", "(Reuters) contributed".
type Credit struct {
	Outlet     string // the credited outlet's name
	Kind       string // first_report, reported, according_to, told, contributed
	Start, End int    // byte offsets of the crediting phrase
	Text       string
}

// Credit kinds.
const (
	CreditFirst       = "first_report"
	CreditReported    = "reported"
	CreditAccordingTo = "according_to"
	CreditTold        = "told"
	CreditContributed = "contributed"
)

// creditPatterns find credits around an outlet's name, written %s.
var creditPatterns = func() []struct {
	kind string
	re   keyedPattern
} {
	outlet := `((?:[Tt]he )?[A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|of|and))*)`
	list := []struct{ kind, pat, keys string }{
		{CreditFirst, outlet + `,?(?: which)? (?:was|were|is) (?:the )?first to (?:report|publish|break|reveal)\b`, "first"},
		{CreditFirst, `\b(?:first|originally|initially) (?:reported|published|revealed) by ` + outlet, "first originally initially"},
		{CreditFirst, outlet + ` (?:first|originally) reported\b`, "reported"},
		{CreditReported, `\b(?:as |was |were |had been )?(?:reported|revealed) by ` + outlet, "reported revealed"},
		{CreditReported, outlet + ` (?:has |had |also |earlier |previously )?(?:reported|revealed)\b`, "reported revealed"},
		{CreditAccordingTo, `\b[Aa]ccording to (?:a report (?:in|by|from) )?` + outlet, "according"},
		{CreditTold, `\btold ` + outlet, "told"},
		{CreditContributed, `\(` + outlet + `\) contributed\b`, "contributed"},
		{CreditContributed, outlet + `(?:'s|’s)? [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*(?:,? and [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*)? contributed\b`, "contributed"},
		{CreditContributed, outlet + ` contributed\b`, "contributed"},
	}
	out := make([]struct {
		kind string
		re   keyedPattern
	}, len(list))
	for i, p := range list {
		// An outlet's name runs to a dozen words ("The Wall Street
		// Journal's Jane Doe and John Roe contributed").
		out[i].kind, out[i].re = p.kind, keyed(regexp.MustCompile(p.pat), p.keys, 16, 16)
	}
	return out
}()

// FindCredits finds the outlets a text credits. own is the reporting
// outlet, which is never credited to itself.
func FindCredits(text, own string) []Credit { return FindCreditsKnown(text, own, nil) }

// FindCreditsKnown is FindCredits that also recognises the given outlet
// names (the other outlets of a story, which the outlet table may not
// list), with or without "The" and by their last word ("the Ledger").
func FindCreditsKnown(text, own string, known []string) []Credit {
	return findCredits(wordsOf(text), own, known)
}

func findCredits(w *wordSpans, own string, known []string) []Credit {
	text := w.text
	var out []Credit
	seen := map[string]bool{}
	for _, p := range creditPatterns {
		for _, m := range w.findAll(p.re) {
			name := outletIn(text[m[2]:m[3]], known)
			if name == "" || name == own {
				continue
			}
			key := p.kind + "\x00" + name
			if seen[key] {
				continue
			}
			// A first report is also a report: keep the stronger kind.
			if p.kind == CreditReported && seen[CreditFirst+"\x00"+name] {
				continue
			}
			seen[key] = true
			out = append(out, Credit{Outlet: name, Kind: p.kind, Start: m[0], End: m[1], Text: text[m[0]:m[1]]})
		}
	}
	return out
}

// outletIn finds a known outlet at the end of a capitalised phrase: "Iraqi
// officials told The Associated Press" → Associated Press.
func outletIn(phrase string, known []string) string {
	f := strings.Fields(phrase)
	for i := range f {
		cand := strings.Join(f[i:], " ")
		cand = strings.TrimRight(cand, ".,;:")
		if k := knownOutlet(cand, known); k != "" {
			return k
		}
		if o, ok := extract.LookupOutlet(cand); ok {
			return o.Name
		}
		if o, ok := extract.LookupOutlet(strings.TrimPrefix(strings.TrimPrefix(cand, "The "), "the ")); ok {
			return o.Name
		}
	}
	return ""
}

func knownOutlet(cand string, known []string) string {
	c := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(cand, "The "), "the "))
	for _, k := range known {
		kl := strings.ToLower(strings.TrimPrefix(k, "The "))
		if c == kl {
			return k
		}
		if f := strings.Fields(kl); len(f) > 1 && c == f[len(f)-1] && strings.HasPrefix(strings.ToLower(cand), "the ") {
			return k // "the Ledger"
		}
	}
	return ""
}
