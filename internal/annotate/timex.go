package annotate

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Timex is a time expression with its TIMEX3-style type and value.
type Timex struct {
	Start, End int    // byte offsets into the text
	Text       string // the expression as written
	Type       string // DATE, TIME, DURATION or SET
	// Value is the normalised value: 2020-12-01, 2020-11, 2020-W49,
	// 2021, 2020-Q3, PRESENT_REF, PAST_REF, FUTURE_REF, P3Y, PT2H, XXXX-12-25
	// (year unknown without an anchor).
	Value string
	// Upcoming is true when the date lies after the anchor.
	Upcoming bool
}

// FindTimexes finds the time expressions of text and resolves them against
// anchor, the publication time (zero: unknown, relative expressions then get
// no value and are left out). Longer expressions win over the ones they
// contain; results are in text order.
func FindTimexes(text string, anchor time.Time) []Timex {
	return findTimexes(wordsOf(text), anchor)
}

func findTimexes(w *wordSpans, anchor time.Time) []Timex {
	text := w.text
	var cands []Timex
	for i, r := range timexRules {
		for _, loc := range w.findAll(timexPatterns[i]) {
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = text[loc[2*i]:loc[2*i+1]]
				}
			}
			start, end := loc[2*r.span], loc[2*r.span+1]
			start += leadingPreposition(text[start:end])
			ctx := sentenceSoFar(text[max(0, start-60):start])
			v, ok := r.resolve(m, anchor, ctx)
			if !ok {
				continue
			}
			t := Timex{Start: start, End: end, Text: text[start:end], Type: r.typ, Value: v}
			t.Upcoming = upcoming(v, anchor)
			cands = append(cands, t)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].Start != cands[j].Start {
			return cands[i].Start < cands[j].Start
		}
		return cands[i].End-cands[i].Start > cands[j].End-cands[j].Start
	})
	var out []Timex
	for _, c := range cands {
		if n := len(out); n > 0 && c.Start < out[n-1].End {
			if c.End-c.Start > out[n-1].End-out[n-1].Start {
				out[n-1] = c
			}
			continue
		}
		out = append(out, c)
	}
	last := ""
	if !anchor.IsZero() {
		last = anchor.Format("2006-01-02")
	}
	kept := out[:0]
	for _, t := range out {
		if t.Value == sameDay {
			if last == "" {
				continue
			}
			t.Value = last
			t.Upcoming = upcoming(t.Value, anchor)
		} else if len(t.Value) == 10 && t.Value[4] == '-' && t.Value[0] != 'X' {
			last = t.Value
		}
		kept = append(kept, t)
	}
	return kept
}

// GuessAnchor is the first full date in the opening lines of a text (a
// dateline or a date line under the headline), for texts without a
// publication time; the zero time when there is none.
func GuessAnchor(text string) time.Time {
	head := text[:min(len(text), 300)]
	for _, t := range FindTimexes(head, time.Time{}) {
		if d, err := time.Parse("2006-01-02", t.Value); err == nil {
			return d
		}
	}
	return time.Time{}
}

// leadingPreposition is the length of an "in ", "on ", "since "... that
// opens an expression: the preposition is not part of the time.
func leadingPreposition(s string) int {
	for _, p := range []string{"in ", "on ", "since ", "until ", "by ", "from ", "In ", "On ", "Since ", "Until ", "By ", "From "} {
		if strings.HasPrefix(s, p) {
			return len(p)
		}
	}
	return 0
}

// sentenceSoFar is the part of ctx after its last sentence break: a future
// cue in the previous sentence says nothing of this one.
func sentenceSoFar(ctx string) string {
	for _, br := range []string{". ", "? ", "! ", "\n"} {
		if i := strings.LastIndex(ctx, br); i >= 0 {
			ctx = ctx[i+len(br):]
		}
	}
	return ctx
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func count(s string) (int, bool) {
	s = strings.ToLower(s)
	if n, err := strconv.Atoi(s); err == nil {
		return n, n > 0 && n < 10000
	}
	n, ok := numberWords[s]
	return n, ok
}

func month(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for i, name := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, name) {
			return i + 1
		}
	}
	return 0
}

func weekday(s string) time.Weekday {
	s = strings.ToLower(s)
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.HasPrefix(strings.ToLower(d.String()), s[:3]) {
			return d
		}
	}
	return time.Sunday
}

func ymd(y, m, d int) (string, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// nearestDay resolves a day and month without a year to the year that puts
// it nearest the anchor ("Jan. 3" written on Dec. 2, 2020 is 2021-01-03).
func nearestDay(a time.Time, m, d int) (string, bool) {
	if m == 0 || d < 1 || d > 31 {
		return "", false
	}
	if a.IsZero() {
		return fmt.Sprintf("XXXX-%02d-%02d", m, d), true
	}
	return ymd(nearestYear(a, m, d), m, d)
}

func nearestYear(a time.Time, m, d int) int {
	best, bestGap := a.Year(), time.Duration(1<<62)
	for _, y := range []int{a.Year() - 1, a.Year(), a.Year() + 1} {
		gap := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC).Sub(a)
		if gap < 0 {
			gap = -gap
		}
		if gap < bestGap {
			best, bestGap = y, gap
		}
	}
	return best
}

// week is the week of a day, weeks starting on Sunday as in US news (an
// ISO week starts on Monday: a Sunday belongs to the next one here).
func week(a time.Time) string {
	if a.Weekday() == time.Sunday {
		a = a.AddDate(0, 0, 1)
	}
	y, w := a.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func firstOfMonth(a time.Time) time.Time {
	return time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// upcoming reports a calendar value that starts after the anchor's day.
func upcoming(v string, a time.Time) bool {
	if a.IsZero() || len(v) < 4 || v[0] < '0' || v[0] > '9' {
		return false
	}
	day := a.Format("2006-01-02")
	switch {
	case len(v) >= 10 && v[4] == '-' && v[7] == '-':
		return v[:10] > day
	case len(v) == 7 && v[4] == '-' && v[5] != 'W' && v[5] != 'Q':
		return v > day[:7]
	case len(v) == 4:
		return v > day[:4]
	}
	return false
}
