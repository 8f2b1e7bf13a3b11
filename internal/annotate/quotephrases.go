package annotate

import "strings"

// The phrases around a cue: the source before or after it, the person told,
// the subject that opens a sentence, asides, and where a content gives way
// to the next speaker.

// sourceBefore walks back from token end (exclusive) over a noun phrase:
// "Army Gen. Mark Milley, the chairman of the Joint Chiefs of Staff". It
// returns the first token of the phrase (end when there is none).
func (f *sentenceFinder) sourceBefore(end int) int {
	// "many of whom say": the part of those just named.
	if end > 2 && f.toks[end-1].low == "whom" && f.toks[end-2].low == "of" && f.toks[end-3].isWord() && !f.quoted[end-3] {
		return end - 3
	}
	// "Donald Trump's claim that …": the owner of a noun cue.
	if end > 0 && possessive(f.toks[end-1].low) {
		s := end - 1
		for s > 0 && f.toks[s-1].upper && f.toks[s-1].isWord() && !f.quoted[s-1] {
			s--
		}
		return s
	}
	start := f.nounPhraseBack(end)
	// "an architect who said", "Smith, who said"
	if start == end && end > 0 && (f.toks[end-1].low == "who" || f.toks[end-1].low == "which") {
		e := end - 1
		if e > 0 && f.toks[e-1].punct == ',' {
			e--
		}
		if s := f.nounPhraseBack(e); s < e {
			return s
		}
	}
	// "Kall -- co-editor of a book on the debates -- said": the name before
	// an aside in dashes.
	if start == end {
		if open := f.dashAsideBefore(end); open > 0 {
			if s := f.nounPhraseBack(open); s < open {
				return s
			}
		}
	}
	// Appositives: "Milley, the chairman of …, said", "Mulgrew, president
	// of the union, which represents teachers, said".
	if start == end && end > 1 && f.toks[end-1].punct == ',' {
		at := end - 1
		for seg := 0; seg < 4; seg++ {
			s := f.nounPhraseBack(at)
			if s == at {
				break
			}
			// "the agency that oversees the program", "the union, which
			// represents teachers": a relative clause within the segment.
			for s > 1 && relativeWords[f.toks[s-1].low] && !f.quoted[s-1] && at-s < 20 {
				if f.toks[s-2].punct == ',' {
					s-- // ", which …,": the clause is a segment of its own
					break
				}
				s2 := f.nounPhraseBack(s - 1)
				if s2 == s-1 {
					break
				}
				s = s2
			}
			if s == 0 || !f.toks[s-1].isWord() && f.toks[s-1].punct != ',' {
				if s == 0 || !isQuoteMark(f.toks[s-1].punct) {
					return s
				}
				break
			}
			if f.toks[s-1].punct != ',' {
				break
			}
			at = s - 1
		}
	}
	return start
}

// namedOpening returns where the name starts when the tokens before the
// comma at token c are a name and its long description opening the
// sentence, "David Kamin, an outside adviser to the campaign and an
// associate professor at New York University School of Law, said", "But
// the Central and East European Coalition, which …, wants": a capitalised
// first word, a comma after the name, and nothing quoted or spoken in
// between but a relative clause. Else it returns c.
func (f *sentenceFinder) namedOpening(c int) int {
	start := 0
	if len(f.toks) > 2 && clauseConjunctions[f.toks[0].low] {
		start = 1 // "But the Central and East European Coalition, which …, wants"
	}
	if start+1 < len(f.toks) && f.toks[start].low == "the" && f.toks[start+1].upper {
		if s := f.namedFrom(start+1, c); s < c {
			return start
		}
		return c
	}
	if s := f.namedFrom(start, c); s < c {
		return start
	}
	return c
}

// namedAfterQuote returns where a name and its description start when they
// come between a quotation and the comma at token c: "“…,” Flynn, a top
// Trump surrogate, said Thursday on Fox News." Else it returns c.
func (f *sentenceFinder) namedAfterQuote(c int) int {
	k := c - 1
	for k > 0 && !f.quoted[k] {
		k--
	}
	s := k + 1 // "…,” Flynn"
	if s < c && f.toks[s].punct == ',' {
		s++ // "…” , Flynn"
	} else if k < 1 || f.toks[k-1].punct != ',' {
		return c
	}
	if k < 2 || !isQuoteMark(f.toks[k].punct) {
		return c
	}
	return f.namedFrom(s, c)
}

// describedName returns where the name before the comma at token c
// starts, with its description: "Richard Revesz, director of …, said",
// "“…,” Flynn, a top Trump surrogate, said", "With 50 days until the
// election, Minyon Moore, a senior adviser …, called". Where none is
// found it returns c: the cue stands without a source.
func (f *sentenceFinder) describedName(c int) int {
	if s := f.namedOpening(c); s < c {
		return s
	}
	if s := f.namedAfterQuote(c); s < c {
		return s
	}
	if ie := f.introEnd(); ie > 0 && ie < c {
		return f.namedFrom(ie, c)
	}
	return c
}

// nameParticles may stand lower-case inside a name or title: "Secretary
// of State", "Ludwig van Beethoven".
var nameParticles = setOf(`of de van von der den da di del la le bin al`)

// namedFrom is namedOpening for a name that starts at token start: every
// word before the first comma capitalised or a name particle.
func (f *sentenceFinder) namedFrom(start, c int) int {
	if c-start < 3 || c-start > 40 || !f.toks[start].upper || !f.toks[start].isWord() {
		return c
	}
	comma, relative := false, false
	for i := start; i < c; i++ {
		t := f.toks[i]
		if f.quoted[i] || t.punct == ';' || t.punct == ':' {
			return c
		}
		if t.punct == ',' && !comma {
			comma = true
			relative = i+1 < c && (f.toks[i+1].low == "who" || f.toks[i+1].low == "which")
		}
		// "the Central and East European Coalition", "Center for Media Justice"
		inName := nameParticles[t.low] || (nameJoiners[t.low] || t.low == "and" || t.low == "the") && i > start && i+1 < c && f.toks[i+1].upper
		if !comma && t.isWord() && !t.upper && !inName {
			return c // "Kadzik's refusal to answer, …": no name before the comma
		}
		if _, isCue := cueForms[t.low]; isCue && !relative && !nounLike[t.low] && !t.upper && !(comma && (strings.HasSuffix(t.low, "ing") || weakCues[t.low])) {
			// "Trump, speaking to veterans, said" is a described name; a
			// relative clause may hold a cue: "Mr. Obama, who understood
			// that …, told"
			return c
		}
	}
	if !comma {
		return c
	}
	return start
}

// dashAsideBefore returns where an aside in dashes that ends just before
// token end opens (the first token of its opening dash), or 0.
func (f *sentenceFinder) dashAsideBefore(end int) int {
	isDash := func(k int) bool {
		p := f.toks[k].punct
		return p == '—' || p == '–' || p == '-'
	}
	if end == 0 || !isDash(end-1) {
		return 0
	}
	k := end - 2
	for k > 0 && isDash(k) {
		k-- // "--"
	}
	for ; k > 0 && end-k < 40; k-- {
		if f.quoted[k] {
			return 0
		}
		if isDash(k) {
			for k > 0 && isDash(k-1) {
				k--
			}
			return k
		}
	}
	return 0
}

func (f *sentenceFinder) nounPhraseBack(end int) int {
	i := end
	for i > 0 && end-i < 12 {
		t := f.toks[i-1]
		if f.quoted[i-1] {
			break
		}
		if !t.isWord() {
			if t.punct == '.' || t.punct == '&' || t.punct == '\'' || t.punct == '’' {
				i--
				continue
			}
			if t.punct == ')' {
				// "Sen. David Perdue (R-Ga.)"
				k := i - 2
				for k >= 0 && f.toks[k].punct != '(' && i-k < 8 {
					k--
				}
				if k >= 0 && f.toks[k].punct == '(' {
					i = k
					continue
				}
			}
			break
		}
		if sourceStops[t.low] || modals[t.low] {
			break // "Its first ad could start this week, said Baker": no noun phrase
		}
		if _, isCue := cueForms[t.low]; isCue && !nounLike[t.low] && !t.upper {
			break
		}
		i--
	}
	// A phrase does not start with a dangling full stop or conjunction.
	for i < end && (!f.toks[i].isWord() || f.toks[i].low == "and") {
		i++
	}
	return i
}

// sourceAfter reads the noun phrase after a cue up to punctuation: "said
// Smith." It returns the token after the phrase.
func (f *sentenceFinder) sourceAfter(from int) int {
	i := from
	if i < len(f.toks) && sourceStops[f.toks[i].low] {
		return from // "said before he died" names no one
	}
	for i < len(f.toks) && i-from < 12 && !f.quoted[i] {
		t := f.toks[i]
		if !t.inName() && t.punct != '&' {
			break
		}
		if t.punct == '.' && (i+1 == len(f.toks)) {
			break
		}
		if t.isWord() && (t.low == "that" || t.low == "who" || t.low == "in" && i > from) {
			break
		}
		i++
	}
	// "said Rep. Joseph Crowley (D-N.Y.)": a party tag belongs to the name.
	if i > from && i < len(f.toks) && f.toks[i].punct == '(' {
		for k := i + 1; k < len(f.toks) && k < i+8; k++ {
			if f.toks[k].punct == ')' {
				return k + 1
			}
		}
	}
	return i
}

// skipAside skips an aside in parentheses or dashes that starts at token
// i: "said Mr. Burman (a view echoed by everyone I interviewed)."
func (f *sentenceFinder) skipAside(i int) int {
	if i >= len(f.toks) {
		return i
	}
	open, close := f.toks[i].punct, f.toks[i].punct // a dash closes with a dash
	switch open {
	case '(':
		close = ')'
	case '—', '–':
	default:
		return i
	}
	for k := i + 1; k < len(f.toks) && k < i+20; k++ {
		if f.toks[k].punct == close {
			return k + 1
		}
	}
	if open != '(' {
		return len(f.toks) // a dash aside may run to the end
	}
	return i
}

// subject is the noun phrase that opens the sentence after any opening
// phrase ("The State Department", "A source familiar"); end is 0 when there
// is none.
func (f *sentenceFinder) subject() (start, end int) {
	i := f.introEnd()
	if i == 0 {
		i = f.afterDateline()
	}
	if i < len(f.toks) && clauseConjunctions[f.toks[i].low] {
		i++ // "But he refuses …"
	}
	start = i
	if i < len(f.toks) && isPronoun(f.toks[i].low) {
		return i, i + 1
	}
	if i < len(f.toks) && (determiners[f.toks[i].low] || commonCaps[f.toks[i].low] || quantifiers[f.toks[i].low]) {
		i++
		if e := f.nounBeforeCue(i); e > i {
			return start, e // "The mayor answered …"
		}
		if e := f.nounBeforeVerb(i); e > i {
			return start, e // "A group of doctors … sent a letter, calling for"
		}
	}
	n := 0
	for i < len(f.toks) && n < 6 && (f.toks[i].isWord() && (f.toks[i].upper || f.toks[i].low == "of" || anonymousSourceWords[f.toks[i].low] || officialWords[f.toks[i].low] || f.toks[i].low == "diplomatic" || f.toks[i].low == "senior") || f.abbreviationDot(i)) {
		i++
		n++
	}
	if n == 0 {
		return 0, 0
	}
	return start, i
}

// abbreviationDot reports whether token i is the full stop of a title
// inside a name: "Gov. Chris Christie".
func (f *sentenceFinder) abbreviationDot(i int) bool {
	return f.toks[i].punct == '.' && i > 0 && f.toks[i-1].upper && i+1 < len(f.toks) && f.toks[i+1].upper
}

// nounBeforeCue returns the end of a run of up to four lower-case words
// from token i that a cue follows, or i: "the [harbour master] said".
func (f *sentenceFinder) nounBeforeCue(i int) int {
	for k := i; k < len(f.toks) && k < i+4; k++ {
		t := f.toks[k]
		if !t.isWord() || t.upper || sourceStops[t.low] {
			return i
		}
		if _, isCue := cueForms[t.low]; isCue {
			return k
		}
	}
	return i
}

// quantifiers open a subject as a determiner does: "several groups".
var quantifiers = setOf(`several many some most few both all`)

// nounOfWords may stand inside a subject's noun phrase: "a reporter for
// USA Today", "a group of doctors".
var nounOfWords = setOf(`of for from`)

// nounBeforeVerb returns the end of the noun phrase from token i up to
// the first word that is a verb by its ending or an auxiliary, within
// seven words, or before another preposition, or i: "A reporter for USA
// Today [spotted]", "several groups [granted]", "A group of doctors [in
// 2015 sent]". Numbers and punctuation end the search with nothing.
func (f *sentenceFinder) nounBeforeVerb(i int) int {
	for k := i; k < len(f.toks) && k < i+7; k++ {
		t := f.toks[k]
		if !t.isWord() || f.quoted[k] || t.low[0] >= '0' && t.low[0] <= '9' {
			return i
		}
		if k > i && (strings.HasSuffix(t.low, "ed") && !t.upper || cueModifiers[t.low] || modals[t.low]) {
			return k
		}
		if !t.upper && introWords[t.low] && !nounOfWords[t.low] && k > i {
			return k // "A group of doctors [in 2015 sent]"
		}
		if !t.upper && (sourceStops[t.low] || determiners[t.low] && !nounOfWords[f.toks[k-1].low]) {
			return i // "a group of the doctors" keeps its determiner
		}
	}
	return i
}

// introWords open a phrase before the subject: "In his speech, Graham
// urged …", "On Thursday, however, Trump spoke …".
var introWords = setOf(`in on at during after before when while since as although though if because despite with
	for by under over from following amid later earlier`)

// openerWords stand alone before a comma opening a sentence.
var openerWords = setOf(`meanwhile however still instead yet then now later earlier again also separately today
	yesterday overall indeed nonetheless nevertheless moreover furthermore afterward afterwards`)

// introEnd is the first token after an opening phrase and its comma, or 0.
func (f *sentenceFinder) introEnd() int {
	if len(f.toks) > 1 && f.toks[1].punct == ',' && (openerWords[f.toks[0].low] || strings.HasSuffix(f.toks[0].low, "ly")) {
		return 2 // "Meanwhile, it attacked Trump"
	}
	if len(f.toks) == 0 || !introWords[f.toks[0].low] {
		return 0
	}
	for k := 1; k < len(f.toks) && k < 20 && !f.quoted[k]; k++ {
		if f.toks[k].punct == ',' {
			for k+1 < len(f.toks) && (f.toks[k+1].punct == ',' || f.toks[k+1].low == "however") {
				k++ // "On Thursday, however,"
			}
			return k + 1
		}
	}
	return 0
}

// skipObject skips the person told or asked: "told CNN", "told his
// advisers", "told reporters".
func (f *sentenceFinder) skipObject(i int) int {
	if i >= len(f.toks) || f.quoted[i] || !f.toks[i].isWord() {
		return i
	}
	t := f.toks[i]
	switch {
	case t.upper:
		for i < len(f.toks) && f.toks[i].upper && !f.quoted[i] {
			i++
		}
	case determiners[t.low] || possessive(t.low):
		i++
		for k := 0; k < 2 && i < len(f.toks) && f.toks[i].isWord() && !sourceStops[f.toks[i].low] && !isPronoun(f.toks[i].low); k++ {
			i++
		}
	case isObjectPronoun(t.low) || t.low == "reporters" || t.low == "journalists" || t.low == "lawmakers" || t.low == "supporters":
		i++
	}
	return i
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "it", "i", "we", "you":
		return true
	}
	return false
}

func isObjectPronoun(w string) bool {
	switch w {
	case "him", "her", "them", "me", "us", "you", "it":
		return true
	}
	return false
}

// beforeNextSpeaker ends a content that runs from token from to end
// before a later attribution with a source of its own after a comma: in
// "Back when he wrote his book, Mr. McKinley said that he …", what he wrote
// stops at the comma, and Mr. McKinley's attribution is found in turn.
func (f *sentenceFinder) beforeNextSpeaker(from, end int) int {
	for _, c := range f.cuesAfter(from) {
		if c.i >= end {
			break // cues come in order
		}
		if weakCues[f.toks[c.i].low] || participleCues[f.toks[c.i].low] {
			continue
		}
		cs := f.cueStart(c)
		src := f.nounPhraseBack(cs)
		if src < cs && src-1 > from && f.toks[src-1].punct == ',' && f.hasWords(c.i+c.n, end, 2) {
			return src - 1
		}
	}
	return end
}

// modals make a clause of the words around them.
var modals = setOf(`could would will can should might must shall`)

// subordinators open a clause that tells when, why or despite what.
var subordinators = setOf(`as while when after before because since though although even whereas`)

// calendarMonths may follow a closing cue as a time: "…, he said March 3".
var calendarMonths = setOf(monthKeys)

// adjunctStarts open what may follow a closing cue: "…, he said on
// Tuesday", "…, she wrote last week".
var adjunctStarts = setOf(`in on at to of as after before during for from with without while when since until by
	about over under into through throughout across amid among against last this next then earlier later again
	yesterday today tonight recently afterward afterwards once twice early late`)

// opensContent reports whether token k, after the closing cue c, starts a
// content of its own rather than an adjunct: "On Tuesday, Clinton said
// the bank must pay" quotes what follows, not the opening phrase. "to"
// is an adjunct only after a verb of saying ("said to cheers"); after
// others it opens what was refused or promised ("declined to comment").
func (f *sentenceFinder) opensContent(c cue, k int) bool {
	t := f.toks[k]
	if t.low == "to" {
		return !invertible[f.toks[c.i].low]
	}
	return t.isWord() && !adjunctStarts[t.low] && !weekdayNames[t.low] && !calendarMonths[t.low] && !adverb(t)
}

// notSourceWords never stand alone as a source: adverbs and prepositions
// that walking back from a cue stops on.
var notSourceWords = setOf(`yet now perhaps despite all also even still just only then both either neither
	instead thus so too again already once`)

// notSource reports whether tokens a to b, the phrase before a cue, are one
// word that cannot name who speaks: "yet refuses", "despite repeated
// warnings", a participle or an adverb.
func (f *sentenceFinder) notSource(a, b int) bool {
	if b-a != 1 {
		return false
	}
	t := f.toks[a]
	return notSourceWords[t.low] || !t.upper && (strings.HasSuffix(t.low, "ing") || adverb(t))
}

// beforeAdjunct returns the source before an adjunct set off by commas
// that ends just before the cue at token cs, "Clinton, at Monday's
// debate, cited", as tokens a to b; a == b when there is none.
func (f *sentenceFinder) beforeAdjunct(cs int) (a, b int) {
	if cs < 4 || f.toks[cs-1].punct != ',' {
		return cs, cs
	}
	for k := cs - 2; k > 0 && k > cs-10; k-- {
		if f.toks[k].punct == ',' {
			if !adjunctStarts[f.toks[k+1].low] || f.quoted[k] {
				return cs, cs
			}
			if s := f.sourceBefore(k); s < k && f.toks[s].isWord() && (f.toks[s].upper || isPronoun(f.toks[s].low)) {
				return s, k
			}
			return cs, cs
		}
		if !f.toks[k].inName() {
			return cs, cs
		}
	}
	return cs, cs
}

// pollShare returns the share of those polled, "44 percent", right before
// the cue at token i ("would" between them), as tokens a to b; a == b when
// there is none.
func (f *sentenceFinder) pollShare(i int) (a, b int) {
	k := percentBefore(f.toks, i)
	if k < 0 {
		return i, i
	}
	if k > 0 && f.toks[k-1].isWord() {
		return k - 1, k + 1
	}
	return k, k + 1
}

// afterDateline returns the token after a dateline that opens the
// sentence, "BRUSSELS - European leaders …", "PORT CALDER — The board …":
// capitalised words and a dash. Else it returns 0.
func (f *sentenceFinder) afterDateline() int {
	k := 0
	for k < len(f.toks) && k < 4 && f.toks[k].isWord() && len(f.toks[k].low) > 1 &&
		f.text[f.toks[k].s:f.toks[k].e] == strings.ToUpper(f.toks[k].low) {
		k++
	}
	if k == 0 || k+1 >= len(f.toks) {
		return 0
	}
	if p := f.toks[k].punct; p == '-' || p == '—' || p == '–' {
		return k + 1
	}
	return 0
}
