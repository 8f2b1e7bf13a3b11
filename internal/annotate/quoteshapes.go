package annotate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The less common shapes of attribution: a sentence that only names the
// speaker of the quotation before it, transcript and headline colons,
// quotations that continue a speaker, and the phrases around a cue.

// trailing is a short sentence that only names who spoke the quotation
// before it: “How many times?” Clinton said.
func (f *sentenceFinder) trailing(prev Span) (Quote, bool) {
	t := strings.TrimRight(prev.Text, " ")
	if !strings.HasSuffix(t, "”") && !strings.HasSuffix(t, "\"") && !strings.HasSuffix(t, "''") {
		return Quote{}, false
	}
	cs := f.cues()
	if len(cs) != 1 || f.wordsIn(0, len(f.toks)) > 8 {
		return Quote{}, false
	}
	c := cs[0]
	st := f.cueStart(c)
	src := f.sourceBefore(st)
	q := Quote{Sentence: f.sentence, Cue: f.spanOf(st, c.i+c.n), Direct: true}
	if src < st && src == 0 {
		q.Source = f.spanOf(src, st)
	} else if st == 0 {
		if e := f.sourceAfter(c.i + c.n); e > c.i+c.n {
			q.Source = f.spanOf(c.i+c.n, e)
		}
	}
	if q.Source == nil {
		return Quote{}, false
	}
	pt := tokenize(f.text, prev.Start, prev.End)
	k := 0
	for k < len(pt) && !isQuoteMark(pt[k].punct) {
		k++
	}
	if k == len(pt) {
		return Quote{}, false
	}
	c2 := span(f.text, pt[k].s, prev.End)
	q.Content = &c2
	return q, true
}

// editorialLabels before a colon head a note, not a speaker's line.
var editorialLabels = setOf(`latest correction corrections clarification update updated note editor's editor’s
	disclosure advertisement`)

// colon is a speaker's line in a transcript or a headline: "PENCE: Well,
// look, …", "Pat Caddell: Democrat Voters Worried …".
func (f *sentenceFinder) colonAt(k int) (Quote, bool) {
	k0 := k
	for k < len(f.toks) && k-k0 < 4 && f.toks[k].isWord() && f.toks[k].upper {
		k++
	}
	if k < len(f.toks) && f.toks[k].punct != ':' {
		k = f.quotingColon(k0)
	}
	if k == k0 || k >= len(f.toks) || f.toks[k].punct != ':' || f.wordsIn(k+1, len(f.toks)) < 3 {
		return Quote{}, false
	}
	if editorialLabels[f.toks[k-1].low] {
		return Quote{}, false // "The Latest: …", "Correction: …"
	}
	colon := span(f.text, f.toks[k].s, f.toks[k].e)
	q := Quote{Sentence: f.sentence, Source: f.spanOf(k0, k), Cue: &colon, Content: f.spanOf(k+1, len(f.toks))}
	if w := f.toks[k0].low; k-k0 > 1 && (w == "said" || w == "says") {
		q.Cue, q.Source = f.spanOf(k0, k0+1), f.spanOf(k0+1, k) // "Said Ellis: “…”"
	}
	if q.Content == nil {
		return Quote{}, false
	}
	return q, true
}

// quotingColon returns the colon of a headline or lead that names someone
// and then quotes them, "Elizabeth Warren Hammers Wells Fargo CEO: ‘You
// Should Be …’", "A lesson from Loretta Lynch: 'Be the voice …'": up to
// ten words from token k0 with no cue or comma, a colon, and a quotation
// right after it. Else it returns k0.
func (f *sentenceFinder) quotingColon(k0 int) int {
	if k0 >= len(f.toks) || !f.toks[k0].upper {
		return k0
	}
	for k := k0; k < len(f.toks) && k-k0 <= 10; k++ {
		t := f.toks[k]
		if t.punct == ':' {
			if k+1 < len(f.toks) && opensQuote(f.toks[k+1].punct) && f.toks[k-1].low != "follows" { // not "as follows:"
				return k
			}
			return k0
		}
		if !t.inName() {
			return k0
		}
		if n, _ := cueAt(f.toks, k); n > 0 {
			return k0
		}
	}
	return k0
}

// continuation is a sentence that is wholly a quotation and carries on the
// previous speaker: “We will be back.”
func (f *sentenceFinder) continuation(prev []Quote, sents []Span) (Quote, bool) {
	if len(prev) == 0 || !isQuoteMark(f.toks[0].punct) {
		return Quote{}, false
	}
	// the last sentence's quotation, before any participle's clause after
	// it: "“…,” he said, referring to the name. “…”"
	last := prev[len(prev)-1]
	for k := len(prev) - 2; k >= 0 && !last.Direct && prev[k].Sentence == last.Sentence; k-- {
		last = prev[k]
	}
	if f.sentence-last.Sentence > 2 || !last.Direct {
		return Quote{}, false
	}
	for i := range f.toks {
		if !f.quoted[i] && f.toks[i].isWord() {
			return Quote{}, false
		}
	}
	c := f.spanOf(0, len(f.toks))
	if c == nil {
		return Quote{}, false
	}
	return Quote{Content: c, Direct: true, Sentence: f.sentence}, true
}

// signOffs finds quotations signed with a dash after the closing mark:
// “Mostly he promotes ignorance.” ― Esther Tapia. The dash is the cue, the
// name the source, the quotation the content.
func signOffs(text string, sents []Span) []Quote {
	var out []Quote
	for at := 0; at < len(text); {
		k := strings.IndexAny(text[at:], "―—")
		if k < 0 {
			break
		}
		d := at + k
		_, n := utf8.DecodeRuneInString(text[d:])
		at = d + n
		closeAt := strings.TrimRightFunc(text[:d], unicode.IsSpace) // also a no-break space: "…”\u00a0― Name"
		if !strings.HasSuffix(closeAt, "”") && !strings.HasSuffix(closeAt, "\"") {
			continue
		}
		// The quotation opens the paragraph (with any mark: some texts
		// open with ”), or at the last opening mark within it.
		para := strings.LastIndexByte(closeAt, '\n') + 1
		body := strings.TrimLeft(closeAt[para:], " \t")
		open := len(closeAt) - len(body)
		if !strings.HasPrefix(body, "“") && !strings.HasPrefix(body, "”") && !strings.HasPrefix(body, "\"") {
			open = strings.LastIndex(closeAt, "“")
		}
		if open < para || open >= len(closeAt)-1 {
			continue
		}
		toks := tokenize(text, at, min(len(text), at+120))
		m := 0
		for m < len(toks) && m < 6 && (toks[m].isWord() && toks[m].upper || toks[m].punct == '.' && m > 0) {
			if m > 0 && strings.Contains(text[toks[m-1].e:toks[m].s], "\n") {
				break // the name ends its line: "― Karen Bobadilla.\n\nGetty."
			}
			m++
		}
		for m > 0 && !toks[m-1].isWord() {
			m--
		}
		if m == 0 || m == 1 && !isAcronym(text[toks[0].s:toks[0].e]) && len(toks) > 1 && toks[1].isWord() {
			continue
		}
		src := span(text, toks[0].s, toks[m-1].e)
		cue := span(text, d, d+n)
		content := span(text, open, len(closeAt))
		q := Quote{Source: &src, Cue: &cue, Content: &content, Direct: true}
		for si, s := range sents {
			if s.Start <= d && d < s.End {
				q.Sentence = si
			}
		}
		out = append(out, q)
	}
	return out
}

// withSignOffs adds the signed quotations to qs, dropping the quotes they
// cover: a signed quotation has no other source.
func withSignOffs(qs, signed []Quote) []Quote {
	if len(signed) == 0 {
		return qs
	}
	kept := qs[:0]
	for _, q := range qs {
		covered := false
		for _, s := range signed {
			if q.Content != nil && q.Content.Start < s.Content.End && s.Content.Start < q.Content.End || q.Source != nil && q.Source.Start < s.Source.End && s.Source.Start < q.Source.End {
				covered = true
				break
			}
		}
		if !covered {
			kept = append(kept, q)
		}
	}
	kept = append(kept, signed...)
	sort.SliceStable(kept, func(a, b int) bool { return quoteAt(kept[a]) < quoteAt(kept[b]) })
	return kept
}

// quoteAt is where a quote's cue, or else its content, starts.
func quoteAt(q Quote) int {
	if q.Cue != nil {
		return q.Cue.Start
	}
	return q.Content.Start
}

// colonBefore is a sentence that ends in a cue and a colon, the content
// following in the next sentence or paragraph: "He said:" / “We have a
// situation …”, "The New York Times reports:" / "In an illustration …".
func (f *sentenceFinder) colonBefore(next Span) (Quote, bool) {
	n := len(f.toks)
	if n < 3 || f.toks[n-1].punct != ':' || f.quoted[n-2] || len(strings.Fields(next.Text)) < 3 {
		return Quote{}, false
	}
	// The cue ends right before the colon: "said:", "went on to say:".
	for cs := n - 2; cs >= 0 && cs >= n-5; cs-- {
		m, _ := cueAt(f.toks, cs)
		if m == 0 || cs+m != n-1 {
			continue
		}
		start := f.cueStart(cue{cs, m})
		src := f.sourceBefore(start)
		source := f.spanOf(src, start)
		if src == start || source == nil {
			return Quote{}, false
		}
		content := next
		r, _ := utf8.DecodeRuneInString(next.Text)
		return Quote{Sentence: f.sentence, Source: source, Cue: f.spanOf(start, n), Content: &content, Direct: isQuoteMark(r)}, true
	}
	return Quote{}, false
}

// timeConjunctions before a cue in -ing make it an attribution of its own.
var timeConjunctions = setOf(`while after before when`)

// whileSaying reports whether a cue in -ing follows a word that makes it
// an attribution of its own, by the sentence's subject: "… while chanting,
// “Hands up”", "after saying".
func (f *sentenceFinder) whileSaying(k int) bool {
	if k == 0 || !timeConjunctions[f.toks[k-1].low] || !strings.HasSuffix(f.toks[k].low, "ing") {
		return false
	}
	n, _ := cueAt(f.toks, k)
	return n > 0
}

// pollWords name a poll as the source of what it found.
var pollWords = setOf(`poll polls survey surveys`)

// inPoll finds a poll that a sentence reports through "in": "In this
// poll, Trump rose 1 percentage point" and "she did not receive a bump in
// one of the first post-debate polls". "in" is the cue, the poll its
// source and the rest of the clause the content; not "from 58 percent in
// the last poll", "than in other polls".
func (f *sentenceFinder) inPoll() (Quote, bool) {
	ie := f.introEnd()
	for i, t := range f.toks {
		if t.low != "in" || f.quoted[i] || i > 0 && (f.toks[i-1].low == "than" || f.toks[i-1].low == "percent") {
			continue
		}
		p := i + 1
		for p < len(f.toks) && p <= i+10 && (f.toks[p].isWord() || strings.ContainsRune("/-.’'", f.toks[p].punct)) && !pollWords[f.toks[p].low] && !f.quoted[p] {
			p++
		}
		if p >= len(f.toks) || !pollWords[f.toks[p].low] {
			continue
		}
		q := Quote{Sentence: f.sentence, Cue: f.spanOf(i, i+1), Source: f.spanOf(i+1, p+1)}
		if i == ie || i == 0 {
			// "In the previous … poll, conducted in early September, Clinton
			// led …": the content follows the poll and its description.
			c := f.nextComma(p + 1)
			if c+1 < len(f.toks) && strings.HasSuffix(f.toks[c+1].low, "ed") {
				c = f.nextComma(c + 1)
			}
			if c < len(f.toks) && f.wordsIn(c+1, len(f.toks)) >= 2 {
				q.Content = f.spanOf(c+1, len(f.toks))
			}
		} else if f.wordsIn(ie, i) >= 2 {
			q.Content = f.spanOf(ie, i) // "she did not receive a bump in one of the polls"
		}
		if q.Content != nil && q.Cue != nil && q.Source != nil {
			return q, true
		}
	}
	return Quote{}, false
}

// nextComma is the first comma at or after token k, or the sentence's end.
func (f *sentenceFinder) nextComma(k int) int {
	for k < len(f.toks) && f.toks[k].punct != ',' {
		k++
	}
	return k
}

// evidentWords after "it is" state a judgment that no one is named for.
var evidentWords = setOf(`clear obvious apparent evident`)

// evident is "it is obvious that …", "By now it should be obvious that …":
// a judgment with no source, the clause after it its content.
func (f *sentenceFinder) evident() (Quote, bool) {
	for i := 0; i+2 < len(f.toks) && i < 8; i++ {
		w := f.toks[i].low
		if w != "it" && w != "it's" && w != "it’s" || f.quoted[i] {
			continue
		}
		k := i + 1
		if w == "it" {
			for k < len(f.toks) && k < i+4 && (beForms[f.toks[k].low] || cueModifiers[f.toks[k].low] && f.toks[k].low != "not") {
				k++
			}
			if k == i+1 {
				return Quote{}, false
			}
		}
		if k >= len(f.toks) || !evidentWords[f.toks[k].low] {
			return Quote{}, false
		}
		from := k + 1
		if from < len(f.toks) && f.toks[from].low == "that" {
			from++
		}
		if f.wordsIn(from, len(f.toks)) < 3 {
			return Quote{}, false
		}
		cue := span(f.text, f.toks[i].s, f.toks[k].e)
		return Quote{Sentence: f.sentence, Cue: &cue, Content: f.spanOf(from, len(f.toks))}, true
	}
	return Quote{}, false
}
