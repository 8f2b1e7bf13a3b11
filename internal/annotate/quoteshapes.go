package annotate

import "strings"

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

// colon is a speaker's line in a transcript or a headline: "PENCE: Well,
// look, …", "Pat Caddell: Democrat Voters Worried …".
func (f *sentenceFinder) colonAt(k int) (Quote, bool) {
	k0 := k
	for k < len(f.toks) && k-k0 < 4 && f.toks[k].isWord() && f.toks[k].upper {
		k++
	}
	if k == k0 || k >= len(f.toks) || f.toks[k].punct != ':' || f.wordsIn(k+1, len(f.toks)) < 3 {
		return Quote{}, false
	}
	colon := span(f.text, f.toks[k].s, f.toks[k].e)
	q := Quote{Sentence: f.sentence, Source: f.spanOf(k0, k), Cue: &colon, Content: f.spanOf(k+1, len(f.toks))}
	if q.Content == nil {
		return Quote{}, false
	}
	return q, true
}

// continuation is a sentence that is wholly a quotation and carries on the
// previous speaker: “We will be back.”
func (f *sentenceFinder) continuation(prev []Quote, sents []Span) (Quote, bool) {
	if len(prev) == 0 || !isQuoteMark(f.toks[0].punct) {
		return Quote{}, false
	}
	last := prev[len(prev)-1]
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
