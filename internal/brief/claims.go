package brief

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/annotate"
	"github.com/sitrep/sitrep/internal/sorted"
	"github.com/sitrep/sitrep/internal/words"
)

// sentence is one sentence of a report with its content stems and the
// numbers and dates in it.
type sentence struct {
	d          *doc
	idx        int
	text       string
	start, end int
	stems      []string // content stems, attribution left out
	allStems   []string // stems of the whole sentence, attribution included
	limits     []annotate.Timex
	clauses    [][]string // the content stems of each limit's clause
	quants     []annotate.Quantity
	timexes    []annotate.Timex
	figures    map[float64]bool // the numbers it states, in digits or words
	// Set by weigh: the stems as ids into the story's vocabulary, sorted,
	// with their TF-IDF weights, and the whole sentence's stems without
	// the words of time.
	ids    []int32
	ws     []float64
	norm   float64
	allIDs []int32
}

var digits = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)

// figuresAgree reports whether two sentences can state the same claim as
// far as their numbers go: one states none, or they share one. "Qtly div
// 11 cts" and "Qtly div four cts" are two different statements.
func figuresAgree(a, b *sentence) bool {
	if len(a.figures) == 0 || len(b.figures) == 0 {
		return true
	}
	for f := range a.figures {
		if b.figures[f] {
			return true
		}
	}
	return false
}

// Alignment: two sentences of different outlets state the same claim when
// the cosine of their TF-IDF vectors (content stems, IDF over the story's
// sentences) reaches minSimilarity and they share minShared stems.
const (
	minSimilarity = 0.2
	minShared     = 3
	maxSingle     = 8 // single-source claims listed per outlet
	// minLeadSimilarity aligns the first sentences of two reports.
	minLeadSimilarity = 0.1
)

var monthAbbrev = map[string]string{"jan": "january", "feb": "february", "mar": "march", "apr": "april",
	"jun": "june", "jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october",
	"nov": "november", "dec": "december", "u.s": "us", "u.k": "uk"}

func contentStems(text string) []string {
	var out []string
	seen := map[string]bool{}
	words.Each(text, func(w []byte, _ words.Span) {
		s := string(w)
		if m, ok := monthAbbrev[s]; ok {
			s = m
		}
		if len(s) < 3 && s != "us" || words.Stop(s) || s == "said" || s == "says" || s == "told" {
			return
		}
		st := words.Stem(s)
		if !seen[st] {
			seen[st] = true
			out = append(out, st)
		}
	})
	return out
}

// claimText is a sentence without its attribution: "officials say" and
// "according to three sources familiar with the decision" say who, not
// what.
func claimText(d *doc, sp annotate.Span) string {
	b := []byte(sp.Text)
	blank := func(x *annotate.Span) {
		if x == nil || x.Start < sp.Start || x.End > sp.End {
			return
		}
		for k := x.Start - sp.Start; k < x.End-sp.Start; k++ {
			b[k] = ' '
		}
	}
	for _, q := range d.ann.Quotes {
		blank(q.Source)
		blank(q.Cue)
	}
	return string(b)
}

func sentencesOf(d *doc) []sentence {
	var out []sentence
	for i, sp := range d.ann.Sentences {
		s := sentence{d: d, idx: i, text: sp.Text, start: sp.Start, end: sp.End, stems: contentStems(claimText(d, sp)), allStems: contentStems(sp.Text)}
		for _, q := range d.ann.Quantities {
			if q.Start >= sp.Start && q.End <= sp.End {
				s.quants = append(s.quants, q)
			}
		}
		for _, t := range d.ann.Timexes {
			if t.Start >= sp.Start && t.End <= sp.End {
				s.timexes = append(s.timexes, t)
			}
		}
		s.figures = map[float64]bool{}
		for _, q := range s.quants {
			s.figures[q.Value] = true
		}
		for _, m := range digits.FindAllString(sp.Text, -1) {
			if f, err := strconv.ParseFloat(strings.ReplaceAll(m, ",", ""), 64); err == nil {
				s.figures[f] = true
			}
		}
		out = append(out, s)
	}
	return out
}

// weigh sets TF-IDF vectors over the sentences of the given reports: IDF
// over the story's sentences, stems numbered in one vocabulary so that
// comparing two sentences is a merge of two sorted lists.
func weigh(docs []*doc) {
	vocab := map[string]int32{}
	var df []int
	var timeWord []bool
	id := func(st string) int32 {
		k, ok := vocab[st]
		if !ok {
			k = int32(len(df))
			vocab[st] = k
			df = append(df, 0)
			timeWord = append(timeWord, isTimeStem(st))
		}
		return k
	}
	n := 0
	for _, d := range docs {
		for i := range d.sents {
			s := &d.sents[i]
			n++
			s.ids = s.ids[:0]
			for _, st := range s.stems {
				k := id(st)
				df[k]++
				s.ids = append(s.ids, k)
			}
			slices.Sort(s.ids)
			s.allIDs = s.allIDs[:0]
			for _, st := range s.allStems {
				if k := id(st); !timeWord[k] {
					s.allIDs = append(s.allIDs, k)
				}
			}
			slices.Sort(s.allIDs)
		}
	}
	for _, d := range docs {
		for i := range d.sents {
			s := &d.sents[i]
			s.ws = make([]float64, len(s.ids))
			s.norm = 0
			for k, id := range s.ids {
				w := math.Log(1 + float64(n)/float64(df[id]))
				s.ws[k] = w
				s.norm += w * w
			}
			s.norm = math.Sqrt(s.norm)
		}
	}
}

// similarity is the cosine of two sentences' vectors and the number of
// stems they share.
func similarity(a, b *sentence) (float64, int) {
	if a.norm == 0 || b.norm == 0 {
		return 0, 0
	}
	dot, shared := 0.0, 0
	sorted.Common(a.ids, b.ids, func(i, j int) {
		dot += a.ws[i] * b.ws[j]
		shared++
	})
	return dot / (a.norm * b.norm), shared
}

type sentRef struct{ d, s int }

// lead is the index of a report's first sentence of eight words or more.
func lead(d *doc) int {
	for i, s := range d.sents {
		if len(strings.Fields(s.text)) >= 8 {
			return i
		}
	}
	return -1
}

// claims aligns the sentences of independent reports across outlets: each
// sentence joins, in every other outlet's report, its most similar sentence
// above the threshold. Candidates come from an inverted index over the
// stems, so only sentences that share a stem are ever compared.
func (b *Brief) claims(docs []*doc) {
	weigh(docs)
	parent := map[sentRef]sentRef{}
	var find func(x sentRef) sentRef
	find = func(x sentRef) sentRef {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	leads := make([]int, len(docs))
	base := make([]int32, len(docs)+1) // the global number of each report's first sentence
	for i, d := range docs {
		leads[i] = lead(d)
		base[i+1] = base[i] + int32(len(d.sents))
	}
	all := make([]*sentence, 0, base[len(docs)])
	docOf := make([]int32, 0, base[len(docs)])
	var postings [][]int32 // stem id → global sentence numbers, ascending
	for i, d := range docs {
		for si := range d.sents {
			s := &d.sents[si]
			for _, id := range s.ids {
				for int(id) >= len(postings) {
					postings = append(postings, nil)
				}
				postings[id] = append(postings[id], int32(len(all)))
			}
			all = append(all, s)
			docOf = append(docOf, int32(i))
		}
	}
	var (
		dot     = make([]float64, len(all))
		shared  = make([]int32, len(all))
		touched []int32
		cursor  = make([]int, len(postings)) // postings before the next report are done with
		best    = make([]int32, len(docs))
		bestSim = make([]float64, len(docs))
		hit     []int32
	)
	for j := range best {
		best[j] = -1
	}
	for i, da := range docs {
		for si := range da.sents {
			sa := &da.sents[si]
			if sa.norm == 0 {
				continue
			}
			for k, id := range sa.ids {
				p := postings[id]
				for cursor[id] < len(p) && p[cursor[id]] < base[i+1] {
					cursor[id]++
				}
				w := sa.ws[k] * sa.ws[k] // a stem weighs the same in every sentence
				for _, t := range p[cursor[id]:] {
					if shared[t] == 0 {
						touched = append(touched, t)
					}
					dot[t] += w
					shared[t]++
				}
			}
			for _, t := range touched {
				j := docOf[t]
				sb := all[t]
				if shared[t] >= minShared && docs[j].outlet != da.outlet {
					sim := dot[t] / (sa.norm * sb.norm)
					need := minSimilarity
					if si == leads[i] && sb.idx == leads[j] {
						need = minLeadSimilarity // two ledes of one story tell its event
					}
					if sim >= need && (best[j] < 0 || sim > bestSim[j] || sim == bestSim[j] && t < best[j]) && figuresAgree(sa, sb) {
						if best[j] < 0 {
							hit = append(hit, j)
						}
						best[j], bestSim[j] = t, sim
					}
				}
				dot[t], shared[t] = 0, 0
			}
			touched = touched[:0]
			slices.Sort(hit)
			for _, j := range hit {
				ra, rb := find(sentRef{i, si}), find(sentRef{int(j), all[best[j]].idx})
				if ra != rb {
					parent[ra] = rb
				}
				best[j] = -1
			}
			hit = hit[:0]
		}
	}
	groups := map[sentRef][]sentRef{}
	var order []sentRef
	for i, d := range docs {
		for si := range d.sents {
			r := find(sentRef{i, si})
			if _, ok := groups[r]; !ok {
				order = append(order, r)
			}
			groups[r] = append(groups[r], sentRef{i, si})
		}
	}
	single := map[string]int{}
	for _, r := range order {
		g := groups[r]
		outlets := map[string]bool{}
		for _, m := range g {
			outlets[docs[m.d].outlet] = true
		}
		if len(outlets) >= 2 {
			c := Claim{Status: Corroborated}
			seen := map[string]bool{}
			for _, m := range g {
				o := docs[m.d].outlet
				if seen[o] {
					continue
				}
				seen[o] = true
				c.Outlets = append(c.Outlets, o)
				c.Versions = append(c.Versions, Line{o, docs[m.d].sents[m.s].text})
			}
			b.Claims = append(b.Claims, c)
			continue
		}
		// A statement only one outlet makes: listed when it carries facts
		// (a name, a number or a date) and is not a bare quotation.
		for _, m := range g {
			d := docs[m.d]
			s := d.sents[m.s]
			if single[d.outlet] >= maxSingle || len(docs) < 2 || !substantive(d, &s) {
				continue
			}
			single[d.outlet]++
			b.Claims = append(b.Claims, Claim{Status: SingleSource, Outlets: []string{d.outlet}, Versions: []Line{{d.outlet, s.text}}})
		}
	}
}

func substantive(d *doc, s *sentence) bool {
	if len(strings.Fields(s.text)) < 8 {
		return false
	}
	if len(s.quants) > 0 || len(s.timexes) > 0 {
		return true
	}
	for _, e := range d.ann.Entities {
		if e.Start >= s.start && e.End <= s.end {
			return true
		}
	}
	return false
}

// peopleUnits are units that count the same people in different words.
var peopleUnits = map[string]bool{"crew": true, "sailors": true, "people": true, "members": true, "persons": true,
	"staff": true, "troops": true, "soldiers": true, "personnel": true, "workers": true, "passengers": true,
	"residents": true, "victims": true, "diplomats": true, "employees": true, "civilians": true}

func sameUnit(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return words.Stem(a) == words.Stem(b) || peopleUnits[a] && peopleUnits[b]
}

var deadlineCue = regexp.MustCompile(`(?i)\b(?:until(?: after| at least)?|till|through|by|for(?: at least)?|within|before)\s+(?:the\s+|a\s+|an\s+)?$`)

// deadlines are the time limits a sentence states: "until mid-January",
// "for at least a week", "by Jan. 15".
func deadlines(s *sentence) []annotate.Timex {
	var out []annotate.Timex
	for _, t := range s.timexes {
		pre := s.d.a.Text[max(s.start, t.Start-24):t.Start]
		if t.Type == "DURATION" || deadlineCue.MatchString(pre) {
			out = append(out, t)
		}
	}
	return out
}

// conflicts finds the same matter told with different figures or time
// limits by different outlets.
func (b *Brief) conflicts(docs []*doc) {
	seen := map[string]bool{}
	add := func(about string, sa, sb *sentence, xa, xb string) {
		key := about + "\x00" + sa.d.outlet + xa + "\x00" + sb.d.outlet + xb
		if seen[key] {
			return
		}
		seen[key] = true
		b.Conflicts = append(b.Conflicts, Conflict{About: about, Sides: []Side{
			{Outlet: sa.d.outlet, Says: xa, Text: sa.text},
			{Outlet: sb.d.outlet, Says: xb, Text: sb.text},
		}})
	}
	for _, d := range docs {
		for i := range d.sents {
			s := &d.sents[i]
			s.limits = deadlines(s)
			s.clauses = s.clauses[:0]
			for _, t := range s.limits {
				s.clauses = append(s.clauses, contentStems(clauseOf(s, t)))
			}
		}
	}
	for i, da := range docs {
		for j, db := range docs {
			if j <= i || da.outlet == db.outlet {
				continue
			}
			for si := range da.sents {
				sa := &da.sents[si]
				if len(sa.quants) == 0 && len(sa.limits) == 0 {
					continue
				}
				for sj := range db.sents {
					sb := &db.sents[sj]
					if len(sa.quants)*len(sb.quants) == 0 && len(sa.limits)*len(sb.limits) == 0 {
						continue
					}
					sim, _ := similarity(sa, sb)
					if sharedBesidesTime(sa, sb) < 2 {
						continue
					}
					// Figures: the same unit counted differently in sentences
					// about the same thing.
					if sim >= minSimilarity*0.8 {
						for _, qa := range sa.quants {
							for _, qb := range sb.quants {
								if !sameUnit(qa.Unit, qb.Unit) {
									continue
								}
								if qa.Value != qb.Value || qa.To != qb.To {
									add("figure", sa, sb, qa.Text, qb.Text)
								} else if opposite(qa.Bound, qb.Bound) {
									// "at least nine ships" against "up to nine ships"
									add("qualifier", sa, sb, qa.Text, qb.Text)
								}
							}
						}
					}
					// Time limits: "until after the Jan. 3 anniversary" against
					// "only until mid-January".
					for ka, ta := range sa.limits {
						for kb, tb := range sb.limits {
							about := ""
							switch {
							case ta.Value != tb.Value && (ta.Type == "DURATION" || tb.Type == "DURATION"):
								about = "duration"
							case ta.Value != tb.Value:
								about = "date"
							case opposite(limitBound(sa, ta), limitBound(sb, tb)):
								about = "qualifier" // "until after Monday" against "by Monday"
							}
							if about != "" && shareContent(sa.clauses[ka], sb.clauses[kb]) {
								add(about, sa, sb, limitPhrase(sa, ta), limitPhrase(sb, tb))
							}
						}
					}
				}
			}
		}
	}
}

// opposite reports whether one bound is a floor and the other a ceiling.
func opposite(a, b string) bool { return a == "min" && b == "max" || a == "max" && b == "min" }

// limitBound is what a time limit's words make of its date: "min" for
// "until after", "until at least", "for at least"; "max" for "until", "by",
// "before", "within"; "" for a plain "for a week".
func limitBound(s *sentence, t annotate.Timex) string {
	pre := s.d.a.Text[max(s.start, t.Start-24):t.Start]
	m := deadlineCue.FindString(pre)
	low := strings.ToLower(m)
	switch {
	case strings.Contains(low, "after") || strings.Contains(low, "at least"):
		return "min"
	case m == "" || strings.HasPrefix(low, "for"):
		return ""
	}
	return "max"
}

// limitPhrase is a time limit with the words that make it one: "until
// after the Jan. 3 anniversary".
func limitPhrase(s *sentence, t annotate.Timex) string {
	text := s.d.a.Text
	from := t.Start
	if m := deadlineCue.FindStringIndex(text[max(s.start, t.Start-24):t.Start]); m != nil {
		from = max(s.start, t.Start-24) + m[0]
	}
	end := t.End
	if rest := text[end:s.end]; strings.HasPrefix(rest, " anniversary") {
		end += len(" anniversary")
	}
	return strings.TrimSpace(text[from:end])
}

// clauseOf is the clause of a sentence that holds a time expression, with
// the attribution blanked ("the smaller port said"): the text between the
// punctuation around it, and a short tail that ends the sentence ("only
// until mid-January, after the anniversary passes").
func clauseOf(s *sentence, t annotate.Timex) string {
	text := claimText(s.d, annotate.Span{Start: s.start, End: s.end, Text: s.text})
	a, b := t.Start-s.start, t.End-s.start
	from, to := 0, len(text)
	if i := strings.LastIndexAny(text[:a], ",;:()—–"); i >= 0 {
		from = i + 1
	}
	if i := strings.IndexAny(text[b:], ",;:()—–"); i >= 0 && len(strings.Fields(text[b+i+1:])) > 5 {
		to = b + i
	}
	return text[from:to]
}

// shareContent reports whether the clauses of two time limits share a
// content word besides the words of time: whether the limits are set for
// the same thing. "The east terminal will stay closed until Monday" and
// "the east terminal will be closed for at least a week" do; "the smaller
// port said it could handle only four of them before next week" does not,
// though its sentence names the same port. (The sentences must also share
// two such words.)
func shareContent(a, b []string) bool {
	for _, x := range a {
		if !isTimeStem(x) && slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// sharedBesidesTime counts the stems two whole sentences share, leaving out
// the words of time.
func sharedBesidesTime(a, b *sentence) int {
	n := 0
	sorted.Common(a.allIDs, b.allIDs, func(int, int) { n++ })
	return n
}

func isTimeStem(st string) bool {
	switch st {
	case "januari", "februari", "march", "april", "may", "june", "juli", "august", "septemb", "octob", "novemb",
		"decemb", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month",
		"year", "day", "mid", "earli", "late", "until", "onli":
		return true
	}
	return false
}
