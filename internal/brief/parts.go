package brief

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/annotate"
)

var quotedRe = regexp.MustCompile(`[“"]([^“”"]{2,}?)[”"]`)

// fragment is a quotation one outlet carries, with its attribution.
type fragment struct {
	outlet, text, norm string
	attr               Attribution
}

func normQuote(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

func fragments(d *doc) []fragment {
	var out []fragment
	for _, sp := range d.ann.Sentences {
		for _, m := range quotedRe.FindAllStringSubmatchIndex(sp.Text, -1) {
			s, e := sp.Start+m[2], sp.Start+m[3]
			f := fragment{outlet: d.outlet, text: strings.TrimRight(d.a.Text[s:e], ",. "), attr: Attribution{Outlet: d.outlet}}
			f.norm = normQuote(f.text)
			if len(strings.Fields(f.norm)) < 2 {
				continue
			}
			for _, q := range d.ann.Quotes {
				if in(q.Content, s, e) || inAny(q.More, s, e) {
					if q.Source != nil {
						f.attr.Source = q.Source.Text
					}
					f.attr.Speaker, f.attr.SourceType = q.Speaker, q.SourceType
					break
				}
			}
			out = append(out, f)
		}
	}
	return out
}

func in(sp *annotate.Span, s, e int) bool { return sp != nil && sp.Start <= s && e <= sp.End }

func inAny(sps []annotate.Span, s, e int) bool {
	for i := range sps {
		if in(&sps[i], s, e) {
			return true
		}
	}
	return false
}

// quotes matches quotations across outlets: the same words, or one a part
// of the other.
func (b *Brief) quotes(docs []*doc) {
	var all [][]fragment
	for _, d := range docs {
		all = append(all, fragments(d))
	}
	used := map[[2]int]bool{}
	for i := range all {
		for fi, f := range all[i] {
			if used[[2]int{i, fi}] {
				continue
			}
			sq := SharedQuote{Text: f.text, Attributions: []Attribution{f.attr}}
			outlets := map[string]bool{f.outlet: true}
			for j := range all {
				if j == i {
					continue
				}
				for gi, g := range all[j] {
					if used[[2]int{j, gi}] || outlets[g.outlet] {
						continue
					}
					if strings.Contains(" "+g.norm+" ", " "+f.norm+" ") || strings.Contains(" "+f.norm+" ", " "+g.norm+" ") {
						used[[2]int{j, gi}] = true
						outlets[g.outlet] = true
						sq.Attributions = append(sq.Attributions, g.attr)
						if len(g.text) < len(sq.Text) && len(g.norm) >= 2 {
							sq.Text = g.text // the words all of them carry
						}
					}
				}
			}
			if len(sq.Attributions) >= 2 {
				used[[2]int{i, fi}] = true
				b.Quotes = append(b.Quotes, sq)
			}
		}
	}
}

// sourcing lists each outlet's named, anonymous and document sources.
func (b *Brief) sourcing(docs []*doc) {
	by := map[string]*Sourcing{}
	var order []string
	for _, d := range docs {
		s, ok := by[d.outlet]
		if !ok {
			s = &Sourcing{Outlet: d.outlet, Named: []string{}, Anonymous: []string{}, Documents: []string{}}
			by[d.outlet] = s
			order = append(order, d.outlet)
		}
		for _, q := range d.ann.Quotes {
			src := ""
			if q.Source != nil {
				src = q.Source.Text
			}
			switch q.SourceType {
			case annotate.NamedPerson, annotate.NamedOrg:
				name := q.Speaker
				if q.Source != nil && q.SourceType == annotate.NamedPerson && strings.Contains(src, q.Speaker) {
					name = strings.TrimSpace(strings.Split(src, ",")[0]) // with the title: "Army Gen. Mark Milley"
				}
				s.Named = appendNew(s.Named, name)
			case annotate.AnonymousOfficial, annotate.AnonymousSource:
				if src != "" && !isPronoun(src) {
					s.Anonymous = appendNew(s.Anonymous, lowerFirst(src))
				}
			case annotate.Document:
				s.Documents = appendNew(s.Documents, lowerFirst(src))
			}
		}
	}
	for _, o := range order {
		b.Sourcing = append(b.Sourcing, *by[o])
	}
}

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "they", "it", "we", "i":
		return true
	}
	return false
}

func lowerFirst(s string) string {
	f := strings.Fields(s)
	if len(f) > 0 && (f[0] == "A" || f[0] == "An" || f[0] == "The" || f[0] == "One" || f[0] == "Two" || f[0] == "Three" || f[0] == "Both") {
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

// entities counts the outlets that mention each entity.
func (b *Brief) entities(docs []*doc) {
	type key struct{ name, typ string }
	uses := map[key]*EntityUse{}
	mentions := map[key]int{}
	var order []key
	speakers := map[string]bool{}
	for _, d := range docs {
		for _, q := range d.ann.Quotes {
			speakers[q.Speaker] = true
		}
	}
	outletNames := map[string]bool{}
	for _, d := range docs {
		outletNames[d.outlet] = true
	}
	for _, d := range docs {
		for _, e := range d.ann.Entities {
			k := key{e.Name, e.Type}
			u, ok := uses[k]
			if !ok {
				u = &EntityUse{Name: e.Name, Type: e.Type, Outlets: []string{}}
				if e.Place != nil {
					u.Country, u.Lat, u.Lon = e.Place.Country, e.Place.Lat, e.Place.Lon
				}
				uses[k] = u
				order = append(order, k)
			}
			if u.Role == "" {
				u.Role = e.Role
			}
			u.Outlets = appendNew(u.Outlets, d.outlet)
			u.Quoted = u.Quoted || speakers[e.Name]
			mentions[k]++
		}
	}
	for _, k := range order {
		if outletNames[k.name] && k.typ == annotate.Org {
			continue // the outlets themselves are in the coverage
		}
		b.Entities = append(b.Entities, *uses[k])
	}
	sort.SliceStable(b.Entities, func(i, j int) bool {
		a, c := b.Entities[i], b.Entities[j]
		if len(a.Outlets) != len(c.Outlets) {
			return len(a.Outlets) > len(c.Outlets)
		}
		return mentions[key{a.Name, a.Type}] > mentions[key{c.Name, c.Type}]
	})
}

var anniversaryRe = regexp.MustCompile(`^\s*anniversary of (?:the )?([^,;]+)`)

// eventPhrase cuts what an anniversary marks at a clause boundary: "the
// slaying of senior Iranian military leader Qasem Soleimani".
func eventPhrase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		switch strings.ToLower(w) {
		case "by", "last", "in", "on", "at", "when", "which", "that", "due", "after", "and":
			if i >= 2 {
				return strings.Join(f[:i], " ")
			}
		}
		if i >= 10 {
			return strings.Join(f[:i], " ")
		}
	}
	return strings.TrimRight(strings.Join(f, " "), ".")
}

// timeline collects the dated events of the story by resolved date.
func (b *Brief) timeline(docs []*doc) {
	idx := map[string]int{}
	add := func(value, date, text, outlet string, upcoming bool) {
		if i, ok := idx[value]; ok {
			b.Timeline[i].Outlets = appendNew(b.Timeline[i].Outlets, outlet)
			return
		}
		idx[value] = len(b.Timeline)
		b.Timeline = append(b.Timeline, Event{Value: value, Date: date, Upcoming: upcoming, Text: text, Outlets: []string{outlet}})
	}
	for _, d := range docs {
		for _, s := range d.sents {
			// A sentence with a day or a month on the calendar is placed by
			// it; a "last year" beside it tells the time of some other
			// matter in passing ("the anniversary of the slaying last year").
			// A year the sentence also gives with its month ("in May, 2019")
			// is the same date.
			finer, years := false, map[string]bool{}
			for _, t := range s.timexes {
				if t.Type == "DATE" && dated(t.Value) && len(t.Value) >= 7 {
					finer = true
					years[t.Value[:4]] = true
				}
			}
			for _, t := range s.timexes {
				if t.Type != "DATE" || !dated(t.Value) {
					continue
				}
				if len(t.Value) == 4 && (years[t.Value] || finer && !strings.ContainsAny(t.Text, "0123456789")) {
					continue
				}
				// "over the past year", "in the coming weeks": a stretch of
				// time up to or from now, not a date of the calendar.
				if low := strings.ToLower(t.Text); strings.Contains(low, "past ") || strings.Contains(low, "coming ") {
					continue
				}
				if !d.a.Published.IsZero() && t.Value == d.a.Published.UTC().Format("2006-01-02") && !strings.ContainsAny(t.Text, "0123456789") && strings.EqualFold(t.Text, "today") {
					continue
				}
				add(t.Value, dateLabel(t), clip(s.text, 200), d.outlet, t.Upcoming)
				// "the Jan. 3 anniversary of the slaying of Soleimani" also
				// dates the slaying, a year before.
				rest := d.a.Text[t.End:s.end]
				rest = strings.TrimPrefix(strings.TrimSpace(rest), "anniversary")
				if m := anniversaryRe.FindStringSubmatch(" anniversary" + rest); m != nil && strings.HasPrefix(strings.TrimSpace(d.a.Text[t.End:s.end]), "anniversary") {
					if v, ok := yearBefore(t.Value); ok {
						add(v, v, "the "+eventPhrase(m[1]), d.outlet, false)
					}
				}
			}
		}
	}
	sort.SliceStable(b.Timeline, func(i, j int) bool { return b.Timeline[i].Value < b.Timeline[j].Value })
}

// dated reports whether a value is a calendar date (2020, 2020-11,
// 2020-11-27, 2020-W49), not PRESENT_REF or an unanchored XXXX-12.
func dated(v string) bool {
	return len(v) >= 4 && v[0] >= '0' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9'
}

func dateLabel(t annotate.Timex) string {
	if strings.ContainsAny(t.Text, "0123456789") && !strings.Contains(strings.ToLower(t.Text), "mid") {
		return t.Value
	}
	return t.Value + " (" + t.Text + ")"
}

func yearBefore(v string) (string, bool) {
	if len(v) < 4 {
		return "", false
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return "", false
	}
	return strconv.Itoa(y-1) + v[4:], true
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return s[:cut] + " …"
}

// summary picks lead sentences across independent outlets, and the
// headline.
func (b *Brief) summary(docs []*doc) {
	for _, d := range docs {
		if d.a.Title != "" {
			b.Headline = d.a.Title
			break
		}
	}
	var chosen []*sentence
	for _, d := range docs {
		if len(chosen) >= 3 {
			break
		}
		for i := range d.sents {
			s := &d.sents[i]
			if len(strings.Fields(s.text)) < 8 || strings.HasPrefix(s.text, "“") || strings.HasPrefix(s.text, "\"") {
				continue
			}
			dup := false
			for _, c := range chosen {
				if sim, _ := similarity(s, c); sim >= 0.5 {
					dup = true
				}
			}
			if !dup {
				chosen = append(chosen, s)
				b.Summary = append(b.Summary, Line{d.outlet, s.text})
			}
			break
		}
	}
	if b.Headline == "" && len(b.Summary) > 0 {
		b.Headline = clip(b.Summary[0].Text, 90)
	}
}
