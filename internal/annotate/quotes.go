package annotate

import (
	"slices"
	"strings"
)

// Quote is one attribution: who (Source) said (Cue) what (Content). Any of
// the three may be missing: a quotation that continues an earlier speaker
// has no cue or source of its own.
type Quote struct {
	Source, Cue, Content *Span
	// More holds further pieces of the content when the cue splits it:
	// “…,” he said, “…”.
	More []Span
	// Direct is true when the content is a quotation in quote marks.
	Direct bool
	// Speaker is who the source resolves to: a name, or the source as
	// written for unnamed sources; "" when unresolved.
	Speaker string
	// SourceType is named_person, named_org, anonymous_official,
	// anonymous_source, document, unnamed or unresolved.
	SourceType string
	Sentence   int // index of the sentence
}

// Source types.
const (
	NamedPerson       = "named_person"
	NamedOrg          = "named_org"
	AnonymousOfficial = "anonymous_official"
	AnonymousSource   = "anonymous_source"
	Document          = "document"
	Unnamed           = "unnamed"
	Unresolved        = "unresolved"
)

// FindQuotes finds the attributions of a text split into sentences.
func FindQuotes(text string, sents []Span) []Quote {
	var out []Quote
	for si, s := range sents {
		toks := tokenize(text, s.Start, s.End)
		if len(toks) == 0 {
			continue
		}
		f := sentenceFinder{text: text, toks: toks, quoted: quotedTokens(toks), sentence: si}
		f.opening = f.openingCue()
		qs := f.find()
		if q, ok := f.openingClause(); ok {
			qs = append([]Quote{q}, qs...)
		}
		if len(qs) == 0 && si > 0 {
			if q, ok := f.trailing(sents[si-1]); ok {
				qs = append(qs, q)
				if q2, ok := f.trailingParticiple(&qs[0]); ok {
					qs = append(qs, q2) // "…?” Trump said, looking out on the cheering crowd."
				}
			}
		}
		if len(qs) == 0 && si+1 < len(sents) {
			if q, ok := f.colonBefore(sents[si+1]); ok {
				qs = append(qs, q)
			}
		}
		if len(qs) == 0 {
			if q, ok := f.continuation(out, sents); ok {
				qs = append(qs, q)
			}
		}
		if len(qs) == 0 {
			if q, ok := f.inPoll(); ok {
				qs = append(qs, q)
			}
		}
		out = append(out, qs...)
	}
	out = withSignOffs(out, signOffs(text, sents))
	resolveSpeakers(out)
	return out
}

type sentenceFinder struct {
	text     string
	toks     []token
	quoted   []bool
	sentence int
	found    []cue // the sentence's cues, once cues has read them
	opening  int   // the comma that ends an opening participle or "asked" clause, or 0
	read     bool
}

// quotedTokens marks the tokens inside quotation marks (the marks
// included).
func quotedTokens(toks []token) []bool {
	in := make([]bool, len(toks))
	open := false
	for i, t := range toks {
		switch t.punct {
		case '“':
			open = true
			in[i] = true
			continue
		case '”':
			in[i] = true
			open = false
			continue
		case '"':
			in[i] = true
			open = straightOpens(toks, i, open)
			continue
		}
		in[i] = open
	}
	return in
}

// straightOpens reports whether the straight quotation mark at token i
// leaves a quotation open. Where it stands tells first: against the word
// before it and spaced from the one after, it closes (a quotation opened
// in an earlier sentence and closed before "he added"); spaced before and
// against the word after, it opens. Else it toggles.
func straightOpens(toks []token, i int, open bool) bool {
	t := toks[i]
	touchesBefore := i > 0 && toks[i-1].e == t.s
	touchesAfter := i+1 < len(toks) && toks[i+1].s == t.e
	switch {
	case touchesBefore && !touchesAfter:
		return false
	case !touchesBefore && touchesAfter:
		return true
	}
	return !open
}

type cue struct{ i, n int }

// cues returns the cues of the sentence outside quotations, in order. They
// are read once per sentence; callers do not change the slice.
func (f *sentenceFinder) cues() []cue {
	if f.read {
		return f.found
	}
	f.read = true
	var cs []cue
	for i := 0; i < len(f.toks); i++ {
		if f.quoted[i] || !f.toks[i].isWord() {
			continue
		}
		if n, _ := cueAt(f.toks, i); n > 0 {
			cs = append(cs, cue{i, n})
			i += n - 1
		}
	}
	f.found = cs
	return cs
}

// cuesAfter returns the sentence's cues that start after token i, in order.
func (f *sentenceFinder) cuesAfter(i int) []cue {
	cs := f.cues()
	k, _ := slices.BinarySearchFunc(cs, i+1, func(c cue, t int) int { return c.i - t })
	return cs[k:]
}

func (f *sentenceFinder) find() []Quote {
	k0 := 0
	if len(f.toks) > 0 && isQuoteMark(f.toks[0].punct) {
		k0 = 1
	}
	if q, ok := f.colonAt(k0); ok {
		return []Quote{q}
	}
	if q, ok := f.evident(); ok {
		return []Quote{q}
	}
	cs := f.cues()
	if len(cs) == 0 {
		return nil
	}
	// An attribution at the end governs the whole sentence before it:
	// "…, a senior official said." Look for it first.
	for k := len(cs) - 1; k >= 0; k-- {
		if q, ok := f.postposed(cs[k]); ok {
			if q2, ok := f.trailingParticiple(&q); ok {
				return []Quote{q, q2}
			}
			out := []Quote{q}
			// "…, he said, adding that …" continues after it.
			for _, c := range cs[k+1:] {
				if participle(f.toks[c.i].low) {
					if q2, ok := f.preposed(c); ok {
						if q2.Source == nil {
							q2.Source = q.Source // "“…,” she said, referencing …"
						}
						out = append(out, q2)
					}
					break
				}
			}
			return append(out, f.laterClauses(cs[k+1:], out[len(out)-1])...)
		}
	}
	var out []Quote
	done := -1 // last token covered by a found content
	for _, c := range cs {
		if c.i <= done {
			continue
		}
		q, ok := f.preposed(c)
		if !ok {
			continue
		}
		out = append(out, q)
		done = f.contentEnd(q)
		out = append(out, f.nested(f.tokenAt(q.Content.Start), done)...)
	}
	return out
}

// tokenAt is the index of the last token ending at or before byte e.
func (f *sentenceFinder) tokenAt(e int) int {
	k := -1
	for i, t := range f.toks {
		if t.e <= e {
			k = i
		}
	}
	return k
}

// cueStart extends a cue left over auxiliaries and adverbs: "has also said".
func (f *sentenceFinder) cueStart(c cue) int {
	i := c.i
	if catenated(f.toks, i) && !f.quoted[i-2] {
		i -= 2 // "continued to call for", "has yet to explain"
	} else if meetsTo(f.toks, i) {
		i-- // "met … to discuss"
	}
	for i > 0 && f.toks[i-1].isWord() && (cueModifiers[f.toks[i-1].low] || adverb(f.toks[i-1])) && !f.quoted[i-1] {
		i--
	}
	return i
}

// afterThat returns the token after a "that" among the few words after
// from ("said on Tuesday that …": the content starts after it), else from.
func (f *sentenceFinder) afterThat(from int) int {
	for k := from; k < len(f.toks) && k < from+5; k++ {
		if f.toks[k].low == "that" && !f.quoted[k] {
			return k + 1
		}
		if !f.toks[k].isWord() {
			break
		}
	}
	return from
}

func (f *sentenceFinder) spanOf(a, b int) *Span {
	// trim punctuation at the ends, but keep quote marks that belong.
	for a < b && !f.toks[a].isWord() && !opensQuote(f.toks[a].punct) {
		a++
	}
	single := a < b && f.toks[a].punct == '‘' // ‘…’ keeps its closing mark
	for b > a && !f.toks[b-1].isWord() && !isQuoteMark(f.toks[b-1].punct) && !(single && f.toks[b-1].punct == '’') {
		b--
	}
	if a >= b {
		return nil
	}
	sp := span(f.text, f.toks[a].s, f.toks[b-1].e)
	return &sp
}

func (f *sentenceFinder) wordsIn(a, b int) int {
	n := 0
	for i := a; i < b && i < len(f.toks); i++ {
		if f.toks[i].isWord() {
			n++
		}
	}
	return n
}

// hasWords reports whether tokens a to b hold at least n words, reading
// no further than the n-th.
func (f *sentenceFinder) hasWords(a, b, n int) bool {
	for i := a; i < b && i < len(f.toks) && n > 0; i++ {
		if f.toks[i].isWord() {
			n--
		}
	}
	return n <= 0
}

func (f *sentenceFinder) hasQuote(a, b int) bool {
	for i := a; i < b; i++ {
		if f.quoted[i] {
			return true
		}
	}
	return false
}

// postposed tries the shape "CONTENT, SOURCE CUE." or "“CONTENT,” CUE
// SOURCE." with an optional continuation ", “MORE”".
func (f *sentenceFinder) postposed(c cue) (Quote, bool) {
	if f.toks[c.i].low == "according" {
		return f.according(c)
	}
	if participleCues[f.toks[c.i].low] || strings.HasSuffix(f.toks[c.i].low, "ing") {
		return Quote{}, false
	}
	cs := f.cueStart(c)
	ce := c.i + c.n
	src := f.sourceBefore(cs)
	if f.notSource(src, cs) {
		return Quote{}, false // "…, yet refuses to"
	}
	srcEnd := cs
	inverted := false
	if src == cs && cs > 0 && f.toks[cs-1].punct == ',' {
		if f.namedOpening(cs-1) < cs-1 {
			return Quote{}, false // "Richard Revesz, director of …, said the states …"
		}
		src = f.namedAfterQuote(cs - 1) // "“…,” Flynn, a surrogate, said on Fox"
		if src == cs-1 {
			src = cs
		}
	}
	if src == cs {
		// "…,” said Smith."
		inverted = true
		srcEnd = f.sourceAfter(ce)
		if srcEnd == ce || isPronoun(f.toks[ce].low) && srcEnd-ce > 1 || !invertible[f.toks[c.i].low] && (f.activeCue(cs, c.i) || f.toks[ce].low != "by") {
			// "…,” he said" with the source already taken: nothing; "…,
			// said it was …" is no source after the cue; only verbs of
			// saying and passives with "by" come before their source
			// ("…, cited figures", "…, told The Post", "…, is considered
			// less than dynamic" name none).
			return Quote{}, false
		}
	}
	b := src - 1 // the boundary before the source
	if !inverted && b > 1 && f.toks[b].low == "as" && (f.toks[b-1].punct == ',' || f.afterComma(b)) {
		b-- // "…, as police have said.", "…,” as a Homeland Security memo put it."
	}
	if b < 1 || !inverted && participle(f.toks[src].low) {
		return Quote{}, false // "…,” he said, cutting off a reporter who asked"
	}
	if !inverted && (relativeWords[f.toks[cs-1].low] || !f.toks[src].upper && strings.HasSuffix(f.toks[src].low, "ing")) {
		return Quote{}, false // a participle's phrase ending in "who" is no source: "…, cutting off a reporter who asked"
	}
	if b == f.opening {
		return Quote{}, false // "Asked about the fire, Okafor said the port …"
	}
	if !inverted && f.passive(c.i) {
		return Quote{}, false // "Despite …, its ambitions have barely been mentioned in the race"
	}
	bt := f.toks[b]
	if bt.punct != ',' && bt.punct != '”' && bt.punct != '"' && bt.punct != '—' && bt.punct != '–' {
		return Quote{}, false
	}
	contentEnd := b // exclusive
	if bt.punct == '”' || bt.punct == '"' {
		// “…,” Smith said — not “unhinged” a tweet
		if b == 0 || f.toks[b-1].isWord() || isQuoteMark(f.toks[b-1].punct) {
			return Quote{}, false
		}
		contentEnd = b + 1
	}
	if f.wordsIn(0, contentEnd) < 2 {
		return Quote{}, false
	}
	after := ce
	if inverted {
		after = srcEnd
	}
	if o := f.skipObject(after); !inverted && tellVerbs[f.toks[c.i].low] && o < len(f.toks) && f.toks[o].punct == ',' {
		after = o // "…,” he told the group, adding that"
	}
	after = f.skipAside(after)
	// What follows must be short ("on Tuesday", "in a statement") or a
	// continuation after a comma. It ends at a participle's clause after a
	// comma, an attribution of its own, or at a subordinate clause that
	// tells when or why: "…, lawmakers said Friday, as they bristled at …".
	restEnd := len(f.toks)
	for k := after + 1; k < len(f.toks); k++ {
		if f.subjectsParticiple(k) || f.toks[k-1].punct == ',' && subordinators[f.toks[k].low] {
			restEnd = k
			break
		}
	}
	rest := f.wordsIn(after, restEnd)
	cont := after < len(f.toks) && f.toks[after].punct == ','
	if cont && contentEnd == b && after+1 < len(f.toks) && isQuoteMark(f.toks[after+1].punct) {
		return Quote{}, false // "…, the mother of three replied, “…”" opens the quotation
	}
	quotation := f.quotationBefore(src, contentEnd)
	if !cont && rest > 6 && !quotation {
		return Quote{}, false
	}
	if !cont && after < len(f.toks) && (f.toks[after].low == "that" || f.toks[after].punct == ':' ||
		!quotation && !tellVerbs[f.toks[c.i].low] && f.opensContent(c, after)) {
		return Quote{}, false
	}
	for i := after; i < restEnd && !cont && !quotation; i++ {
		if f.toks[i].low == "that" {
			return Quote{}, false
		}
	}
	q := Quote{Sentence: f.sentence, Cue: f.spanOf(cs, ce)}
	if inverted {
		q.Source = f.spanOf(ce, srcEnd)
	} else {
		q.Source = f.spanOf(src, srcEnd)
	}
	q.Content = f.spanOf(0, contentEnd)
	if q.Content == nil || q.Source == nil {
		return Quote{}, false
	}
	q.Direct = f.hasQuote(0, contentEnd)
	if inverted && cont && after+1 < len(f.toks) && (determiners[f.toks[after+1].low] || f.toks[after+1].low == "who") {
		// "said Douglas Holtz-Eakin, an economist who …"
		q.Source = f.spanOf(ce, len(f.toks))
		cont = false
	}
	if cont && after+1 < len(f.toks) {
		nx := after + 1
		if isQuoteMark(f.toks[nx].punct) {
			// ", “MORE.”"
			end := nx + 1
			for end < len(f.toks) && f.quoted[end] {
				end++
				if isQuoteMark(f.toks[end-1].punct) {
					break
				}
			}
			if m := f.spanOf(nx, end); m != nil {
				q.More = append(q.More, *m)
			}
		} else if !participle(f.toks[nx].low) && !strings.HasSuffix(f.toks[nx].low, "ing") && f.wordsIn(nx, len(f.toks)) >= 2 &&
			!strings.HasPrefix(f.toks[nx].low, "according") && !clauseConjunctions[f.toks[nx].low] {
			// "Future decisions, he added, will be made …"
			if m := f.spanOf(nx, len(f.toks)); m != nil {
				q.More = append(q.More, *m)
			}
		}
	}
	return q, true
}

// according handles "according to SOURCE": the content is the rest of the
// sentence, before or after it.
func (f *sentenceFinder) according(c cue) (Quote, bool) {
	ce := c.i + c.n
	srcEnd := f.sourceAfter(ce)
	if srcEnd == ce {
		return Quote{}, false
	}
	q := Quote{Sentence: f.sentence, Cue: f.spanOf(c.i, ce), Source: f.spanOf(ce, srcEnd)}
	if f.wordsIn(0, c.i) >= 3 {
		q.Content = f.spanOf(0, c.i)
		q.Direct = f.hasQuote(0, c.i)
	} else if f.wordsIn(srcEnd, len(f.toks)) >= 2 {
		q.Content = f.spanOf(srcEnd, len(f.toks))
		q.Direct = f.hasQuote(srcEnd, len(f.toks))
	}
	if q.Content == nil || q.Source == nil {
		return Quote{}, false
	}
	return q, true
}

// preposed handles "SOURCE CUE (that) CONTENT" and "…, saying CONTENT".
func (f *sentenceFinder) preposed(c cue) (Quote, bool) {
	if f.toks[c.i].low == "according" {
		return f.according(c)
	}
	cs := f.cueStart(c)
	ce := c.i + c.n
	q := Quote{Sentence: f.sentence, Cue: f.spanOf(cs, ce)}
	var subj *Span
	limit := len(f.toks)
	if f.subjectsParticiple(c.i) || meetsTo(f.toks, c.i) ||
		cs > 0 && (f.toks[cs-1].low == "and" || f.toks[cs-1].low == "but") {
		// the subject of the main clause speaks: "The State Department
		// provided no confirmation but said that …"
		if b, e := f.subject(); e > 0 && e < cs {
			q.Source = f.spanOf(b, e)
		}
	} else {
		src := f.sourceBefore(cs)
		if src == cs && cs > 0 && f.toks[cs-1].punct == ',' {
			src = f.describedName(cs - 1)
		}
		srcEnd := cs
		if src >= cs-1 {
			if a, b := f.beforeAdjunct(cs); a < b {
				src, srcEnd = a, b // "since Clinton, at Monday's debate, cited"
			}
		}
		if src == cs {
			return Quote{}, false
		}
		switch ie := f.introEnd(); {
		case src < ie && ie < cs:
			src = ie // "With a week to go, Dana Whitcombe, an adviser, told …"
		case src == 0 && ie > 0 && cs < ie:
			// "In a statement announcing the pick, the union called …":
			// the opening phrase holds the source, cue and content.
			src, limit = 1, ie-1
		}
		if a, b := f.pollShare(c.i); a < b && src < a-1 {
			src, srcEnd = a, b // "and 44 percent would back Trump"; not "Some 40 percent said"
		}
		if srcEnd == cs && (f.notSource(src, cs) || f.modifiesNoun(src, cs, c.i)) {
			src = cs // "…, yet refuses to", "despite repeated warnings from": no one named
		}
		q.Source = f.spanOf(src, srcEnd)
	}
	from := ce
	if f.passive(c.i) || f.undergoer(q.Source, c.i) {
		// "Mr. Quiros was accused by … of …", "The clip has faced
		// ridicule": the subject is who it is about; the source is the
		// agent, if any.
		subj = f.undergoerSubject(q.Source)
		q.Source = nil
		if w := f.toks[min(ce, len(f.toks)-1)].low; ce+1 < len(f.toks) && (w == "by" || w == "from") {
			if e := f.agentAfter(ce + 1); e > ce+1 {
				q.Source = f.spanOf(ce+1, e)
				from = e
			}
		}
	}
	if subj != nil && from < len(f.toks) && (complementStarts[f.toks[from].low] || cueModifiers[f.toks[from].low] || opensQuote(f.toks[from].punct)) {
		subj = nil // "was accused of …", "has been clarified to reflect": the content follows
	}
	if tellVerbs[f.toks[c.i].low] && (from >= len(f.toks) || f.toks[from].low != "that") {
		from = f.skipObject(from) // "warned that …" has no one told
	}
	if topicCues[f.toks[c.i].low] {
		from = f.afterAbout(from) // "spoke emotionally of …"
	} else {
		from = f.afterThat(from)
	}
	for from < len(f.toks) && (f.toks[from].punct == ':' || f.toks[from].punct == ',') {
		from++
	}
	if from == ce+1 && from < len(f.toks) && f.toks[ce].punct == ',' && f.bareParticiple(from) {
		return Quote{}, false // "Trump said, looking out on the crowd.": what he said came before
	}
	end := limit
	relative := q.Source != nil && relativeWords[strings.ToLower(q.Source.Text)] && cs > 1 && f.toks[cs-2].punct == ','
	for k := from + 1; k < limit; k++ {
		if f.quoted[k] {
			continue
		}
		if f.subjectsParticiple(k) {
			end = k - 1
			break
		}
		if f.secondClause(k) {
			end = k - 1
			break
		}
		if relative && f.toks[k].punct == ',' && k+1 < limit && f.cueAfterRelative(k+1) {
			end = k // "Mr. Obama, who understood that …, told his advisers"
			break
		}
	}
	end = f.beforeNextSpeaker(from, end)
	if subj != nil && f.wordsIn(from, end) == 0 {
		q.Content = subj // "The mayor's plan was widely praised."
		return q, true
	}
	if n := f.wordsIn(from, end); n < 2 && !(n == 1 && f.toks[from].upper && f.toks[from].isWord() && !notNames[f.toks[from].low]) {
		return Quote{}, false // one word only when it names: "union endorses Clinton"
	}
	q.Content = f.spanOf(from, end)
	if q.Content == nil {
		return Quote{}, false
	}
	q.Direct = f.quoted[from]
	if subj != nil && !f.quoted[from] {
		// "The clip has faced ridicule online", "The legality of the rules
		// is likely to be decided by the Supreme Court": what follows is
		// no content; the subject is what the cue is about.
		q.Content = subj
	}
	return q, true
}
