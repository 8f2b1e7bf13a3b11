package annotate

import "strings"

// The clauses around a cue: participles and second clauses that carry on
// or start another attribution, adverbs that belong to the cue, passive
// cues whose source is their agent, and relative clauses inside a content
// that hold an attribution of their own.

// participle reports whether w continues the subject's attribution after
// a comma: "…, saying that", "…, referencing the bank's drive".
func participle(w string) bool {
	if participleCues[w] {
		return true
	}
	_, isCue := cueForms[w]
	return isCue && strings.HasSuffix(w, "ing") && !nounLike[w] && !weakCues[w] && w != "according"
}

// afterComma reports whether token k follows a comma, or a quotation
// that ends in one: "“…,” adding that".
func (f *sentenceFinder) afterComma(k int) bool {
	if k > 0 && f.toks[k-1].punct == ',' {
		return true
	}
	return k > 1 && isQuoteMark(f.toks[k-1].punct) && f.toks[k-2].punct == ','
}

// notAdverbs end in -ly but name or count: "the only", "in July".
var notAdverbs = setOf(`only early family italy july ally rally supply daily weekly monthly yearly nightly
	holy belly jelly bully folly reply assembly anomaly homily lily`)

// adverb reports whether t is an adverb in -ly that belongs to the cue
// after it: "cynically dismissed", "forcefully told".
func adverb(t token) bool {
	return !t.upper && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && !notAdverbs[t.low] || t.low == "together"
}

// quotationBefore reports whether the sentence opens with a quotation
// that ends at token end (exclusive) and holds no cue outside quotation
// marks before the source at token src: "“…,” Flynn, a top Trump
// surrogate, said Thursday morning on Fox News’s “Fox and Friends.”" may
// go on after its cue at any length.
func (f *sentenceFinder) quotationBefore(src, end int) bool {
	if !isQuoteMark(f.toks[0].punct) || end < 1 || !isQuoteMark(f.toks[end-1].punct) {
		return false
	}
	cs := f.cues()
	return len(cs) == 0 || cs[0].i >= src
}

// clauseConjunctions join a second clause that can hold an attribution of
// its own.
var clauseConjunctions = setOf(`and but though although while yet whereas`)

// causatives make the cue after them an infinitive: "and let them know".
var causatives = setOf(`let lets make makes made help helps helped`)

// secondClause reports whether a second attribution starts at token k
// after a conjunction, of the subject or of another: "… and said she
// would", "…, but Shelby said he refused", "and human rights groups warned
// that …".
func (f *sentenceFinder) secondClause(k int) bool {
	if k == 0 || !clauseConjunctions[f.toks[k-1].low] {
		return false
	}
	j := k
	for j < len(f.toks) && j-k < 5 {
		t := f.toks[j]
		if relativeWords[t.low] || causatives[t.low] {
			return false // "and who feel buoyed", "and let them know"
		}
		if !t.isWord() || f.quoted[j] || sourceStops[t.low] || t.low == "and" || cueModifiers[t.low] {
			break
		}
		if _, isCue := cueForms[t.low]; isCue && !nounLike[t.low] || pollChoice(f.toks, j) || supportsWhom(f.toks, j) {
			break
		}
		j++
	}
	for j < len(f.toks) && cueModifiers[f.toks[j].low] {
		j++
	}
	if j >= len(f.toks) || strings.HasSuffix(f.toks[j].low, "ing") && !beForms[f.toks[j-1].low] {
		return false // "and people saying": no clause; "and Clinton is promising": one
	}
	n, _ := cueAt(f.toks, j)
	return n > 0
}

// beForms make a cue after them passive: "was accused", "have been
// blamed".
var beForms = setOf(`is are was were be been being`)

// passive reports whether the cue at token i is a passive participle: "was
// accused", "has been harshly criticized"; not a stance ("were frustrated
// that").
func (f *sentenceFinder) passive(i int) bool {
	w := f.toks[i].low
	return !attitudeCues[w] && (strings.HasSuffix(w, "ed") || pastParticiples[w]) && passiveAt(f.toks, i)
}

// pastParticiples are the irregular participles of cues.
var pastParticiples = setOf(`known shown told written thought found said seen heard`)

// undergoVerbs before a noun cue make its subject the one it is about:
// "has faced ridicule", "is drawing criticism", "came under criticism".
var undergoVerbs = setOf(`face faces faced facing draw draws drew drawn drawing under`)

// undergoer reports whether the source phrase before the noun cue at
// token i holds a verb of undergoing.
func (f *sentenceFinder) undergoer(src *Span, i int) bool {
	if src == nil || !nounCues[f.toks[i].low] && !nounLike[f.toks[i].low] {
		return false
	}
	for k := i - 1; k >= 0 && f.toks[k].s >= src.Start; k-- {
		if undergoVerbs[f.toks[k].low] {
			return true
		}
	}
	return false
}

// subjectTrail are the words between a subject and its passive cue that
// are not the subject's: "The levy is likely to be decided".
var subjectTrail = setOf(`be to likely unlikely`)

// undergoerSubject is the part of src, the phrase before a passive or
// undergone cue, that names who or what the cue is about: "The clip" in
// "The clip has faced ridicule", "The registration issue" before "was
// reported".
func (f *sentenceFinder) undergoerSubject(src *Span) *Span {
	if src == nil {
		return nil
	}
	a, e := f.tokenAt(src.Start)+1, f.tokenAt(src.End)+1
	for k := e - 1; k >= a; k-- {
		if undergoVerbs[f.toks[k].low] {
			e = k
		}
	}
	for e > a && (cueModifiers[f.toks[e-1].low] || subjectTrail[f.toks[e-1].low]) {
		e--
	}
	return f.spanOf(a, e)
}

// agentPrepositions end an agent phrase: "by two members of the council
// over its cost" keeps "of".
var agentPrepositions = setOf(`over for about on in at to with against after before during`)

// agentAfter reads the agent of a passive cue from token from, "accused
// by two council members of hiding …", up to a preposition past its
// first word; it returns the token after the agent.
func (f *sentenceFinder) agentAfter(from int) int {
	e := f.sourceAfter(from)
	for k := from + 1; k < e; k++ {
		if agentPrepositions[f.toks[k].low] || k > from+1 && f.toks[k].low == "of" && (k+1 == len(f.toks) || strings.HasSuffix(f.toks[k+1].low, "ing")) {
			return k
		}
	}
	return e
}

// occasionWords after an opening participle say where or to whom, not
// what: "Speaking at", "Writing for".
var occasionWords = setOf(`at to for in on with from before after during outside inside`)

// openingCue is the comma that ends a sentence's opening participle or
// "asked" clause, or 0: "Citing an unfounded theory, Trump accused …".
func (f *sentenceFinder) openingCue() int {
	if len(f.toks) < 4 || !f.toks[0].upper || !f.toks[1].isWord() {
		return 0
	}
	if w := f.toks[0].low; w != "asked" && (!participle(w) || occasionWords[f.toks[1].low]) {
		return 0 // "Speaking at a rally, Trump said …": the occasion, not what was said
	}
	for k := 2; k < len(f.toks)-1 && k < 25; k++ {
		if f.toks[k].punct == ',' && !f.quoted[k] {
			return k
		}
	}
	return 0
}

// openingClause is the attribution of a sentence's opening clause, up to
// its comma: in "Citing an unfounded theory, Trump accused …" Trump, the
// subject after the comma, is the source; in "Asked about the explosion,
// the mayor said …" who asked is not said.
func (f *sentenceFinder) openingClause() (Quote, bool) {
	comma := f.opening
	if comma == 0 {
		return Quote{}, false
	}
	asked := f.toks[0].low == "asked"
	cueEnd := 1
	if asked && f.toks[1].low == "about" {
		cueEnd = 2
	}
	q := Quote{Sentence: f.sentence, Cue: f.spanOf(0, cueEnd), Content: f.spanOf(cueEnd, comma)}
	if cs := f.cuesAfter(comma); !asked && len(cs) > 0 {
		if e := f.cueStart(cs[0]); e > comma+1 && e-comma <= 7 && f.wordsIn(comma+1, e) == e-comma-1 {
			q.Source = f.spanOf(comma+1, e) // the subject before the main clause's cue
		}
	}
	if q.Cue == nil || q.Content == nil {
		return Quote{}, false
	}
	q.Direct = f.quoted[cueEnd]
	return q, true
}

// notTrailing are participles after a closing cue that tell what the
// speaker did, not what they said: "…,” he said, cutting off a reporter".
var notTrailing = setOf(`cutting clapping replacing speaking standing sitting smiling laughing walking pausing
	visiting being having including gaining leaving making taking getting`)

// trailingParticiple finds a participle that follows a closing cue and its
// source after a comma and is no cue of the lexicon: in "…,” Tester said,
// referring to the excuse, “…”" the source's attribution goes on. A
// quotation after the participle's clause belongs to the first content.
func (f *sentenceFinder) trailingParticiple(q *Quote) (Quote, bool) {
	if q.Source == nil || q.Cue == nil || q.Content == nil || len(q.More) > 0 {
		return Quote{}, false
	}
	k := f.tokenAt(max(q.Source.End, q.Cue.End))
	for n := 0; k < len(f.toks) && f.toks[k].punct != ',' && n < 5; n++ {
		if f.quoted[k] || f.toks[k].punct != 0 && f.toks[k].punct != '.' {
			return Quote{}, false
		}
		k++ // "told the crowd, reciting"
	}
	i := k + 1
	if i >= len(f.toks) || f.quoted[i] || f.toks[i].upper || !strings.HasSuffix(f.toks[i].low, "ing") ||
		len(f.toks[i].low) < 5 || notTrailing[f.toks[i].low] || participle(f.toks[i].low) {
		return Quote{}, false
	}
	n := 1
	if goesOn(f.toks, i) {
		n = 4 // "going on to say that"
	}
	from := i + n
	if from < len(f.toks) && f.toks[from].low == "that" {
		from++
	}
	end := len(f.toks)
	for j := from; j+1 < end; j++ {
		if f.toks[j].punct == ',' && isQuoteMark(f.toks[j+1].punct) && f.quoted[j+1] {
			if m := f.spanOf(j+1, end); m != nil && q.Direct {
				q.More = append(q.More, *m) // "…,” he said, referring to it, “…”"
			}
			end = j
			break
		}
	}
	c := f.spanOf(from, end)
	if c == nil || f.wordsIn(from, end) < 2 {
		return Quote{}, false
	}
	return Quote{Sentence: f.sentence, Source: q.Source, Cue: f.spanOf(i, i+n), Content: c}, true
}

// maxNestedAt bounds how far into a content a nested attribution is
// looked for, in tokens: a sentence of a thousand cues stays linear.
const maxNestedAt = 80

// nestingWords open a relative clause that can hold an attribution.
var nestingWords = setOf(`which who what`)

// nested finds attributions inside a content from token from to done
// that a relative clause opens: "… his donations, which he said were
// accompanied by favors", "listeners who said they had misgivings".
func (f *sentenceFinder) nested(from, done int) []Quote {
	var out []Quote
	for _, c := range f.cuesAfter(from) {
		if c.i > done || c.i > from+maxNestedAt {
			break // cues come in order
		}
		if participleCues[f.toks[c.i].low] ||
			strings.HasSuffix(f.toks[c.i].low, "ing") || f.toks[c.i].low == "according" || cueForms[f.toks[c.i].low] == "feel" {
			continue // "who feel buoyed" is a state, not an attribution
		}
		cs := f.cueStart(c)
		src := f.nounPhraseBack(cs)
		if src == cs && cs > 0 && nestingWords[f.toks[cs-1].low] {
			src = cs - 1 // "who said": the relative word stands for the source
		}
		if src == cs || src <= from || src < 1 || cs-src > 4 || !nestingWords[f.toks[src-1].low] && !nestingWords[f.toks[src].low] {
			continue
		}
		if l := cueForms[f.toks[c.i].low]; f.toks[src-1].low == "what" && (l == "call" || l == "see") {
			continue // "condemned what he called a breach": a label, not a claim
		}
		end := f.beforeNextSpeaker(c.i+c.n, max(done+1, c.i+c.n)) // within the outer content
		if !f.hasWords(c.i+c.n, end, 2) {
			continue
		}
		q := Quote{Sentence: f.sentence, Cue: f.spanOf(cs, c.i+c.n), Source: f.spanOf(src, cs), Content: f.spanOf(c.i+c.n, end)}
		if q.Cue != nil && q.Source != nil && q.Content != nil {
			q.Direct = f.quoted[c.i+c.n]
			out = append(out, q)
		}
	}
	return out
}

// participleAdverbs may come between a comma and a participle cue that
// continues the subject: "…, even suggesting", "…, perhaps recognizing".
var participleAdverbs = setOf(`even perhaps also still again then possibly`)

// gerundPrepositions before a participle cue make the sentence's subject
// its source: "Obama responded by saying …", "after saying".
var gerundPrepositions = setOf(`by after before for from without while when`)

// subjectsParticiple reports whether the cue at token k is a participle
// whose source is the main clause's subject: "…, saying that", "responded
// by saying", "while saying".
func (f *sentenceFinder) subjectsParticiple(k int) bool {
	w := f.toks[k].low
	return k > 0 && (participle(w) && (f.afterComma(k) || k > 1 && (participleAdverbs[f.toks[k-1].low] || adverb(f.toks[k-1])) && f.afterComma(k-1)) || participleCues[w] && gerundPrepositions[f.toks[k-1].low]) || f.whileSaying(k)
}

// catenatives take a cue after "to" into theirs: "continued to call for",
// "refused to say".
var catenatives = setOf(`continue continues continued want wants wanted try tries tried begin begins began seek
	seeks sought decide decides decided refuse refuses refused threaten threatens threatened appear appears appeared
	seem seems seemed`)

// catenated reports whether the cue at token i is an infinitive that a
// catenative verb or "yet" takes: "appeared to suggest", "has yet to
// explain".
func catenated(toks []token, i int) bool {
	return i > 1 && toks[i-1].low == "to" && (catenatives[toks[i-2].low] || toks[i-2].low == "yet")
}

// meetingWords name a gathering whose purpose a "to" clause gives.
var meetingWords = setOf(`meeting meetings met meet gathered gathering convened summit session conference`)

// meetsTo reports whether the cue at token i, after "to", is the purpose of
// a meeting named a few words before: "called an emergency meeting to
// discuss", "leaders gathered Friday to discuss".
func meetsTo(toks []token, i int) bool {
	if i < 2 || toks[i-1].low != "to" {
		return false
	}
	if w := toks[i].low; w != "discuss" && w != "debate" && w != "consider" && w != "talk" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		if meetingWords[toks[k].low] {
			return true
		}
		if !toks[k].isWord() {
			return false
		}
	}
	return false
}

// activeCue reports whether the words of a cue before its verb, tokens a
// to b (exclusive), are only adverbs in -ly or a catenative and "to", as in
// "really, really wants to publish": no auxiliary of a passive.
func (f *sentenceFinder) activeCue(a, b int) bool {
	for k := a; k < b; k++ {
		w := f.toks[k].low
		if f.toks[k].isWord() && !strings.HasSuffix(w, "ly") && w != "to" && !catenatives[w] {
			return false
		}
	}
	return true
}

// modifiesNoun reports whether the phrase before a cue, tokens a to b,
// ends in an article and maybe an adjective, so that the cue at token i
// is a noun: "It sends a clear message", "an improbable remark". "the
// officials say" is a subject and its verb.
func (f *sentenceFinder) modifiesNoun(a, b, i int) bool {
	last := f.toks[b-1]
	if articleWords[last.low] {
		return true
	}
	if b-a < 2 || !articleWords[f.toks[b-2].low] || last.upper || !last.isWord() || b != i {
		return false
	}
	w := f.toks[i].low
	return (nounLike[w] || nounCues[w] || w == "call") && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") && w != "found"
}

var articleWords = setOf(`a an the`)

// complementStarts open what a passive or undergone cue says after it:
// "was accused of …", "was labeled “Mostly True”", "faced criticism over
// its cost". Anything else after the cue is no content, and the subject is.
var complementStarts = setOf(`of for as to that with about on over from against “ "`)

// cueAfterRelative reports whether a cue starts at token k, after the
// comma that closes a relative clause, with only its auxiliaries or
// adverbs before it.
func (f *sentenceFinder) cueAfterRelative(k int) bool {
	for k < len(f.toks) && f.toks[k].isWord() && (cueModifiers[f.toks[k].low] || adverb(f.toks[k])) {
		k++
	}
	if k >= len(f.toks) {
		return false
	}
	n, _ := cueAt(f.toks, k)
	return n > 0
}

// bareParticiple reports whether token k is a participle in -ing that is
// no cue: "looking", "reciting".
func (f *sentenceFinder) bareParticiple(k int) bool {
	t := f.toks[k]
	_, isCue := cueForms[t.low]
	return !t.upper && !isCue && len(t.low) > 4 && strings.HasSuffix(t.low, "ing") && !f.quoted[k]
}

// contentEnd is the last token a quote's content covers, its further
// pieces (More) included.
func (f *sentenceFinder) contentEnd(q Quote) int {
	done := f.tokenAt(q.Content.End)
	for _, m := range q.More {
		done = max(done, f.tokenAt(m.End))
	}
	return done
}

// laterClauses are the attributions of clauses that follow a closing one in
// the same sentence, after a conjunction: "“You winning?” she said, but
// Kevin was drifting off, and as Trump went on, Melanie said yes, yes."
// Each needs a named or pronoun source of its own.
func (f *sentenceFinder) laterClauses(cs []cue, last Quote) []Quote {
	var out []Quote
	// past the closing attribution and what its content goes on with:
	// "…, Mr. Clarke said, he decided to …" is said already
	done := max(f.tokenAt(last.Cue.End), f.contentEnd(last))
	if last.Source != nil {
		done = max(done, f.tokenAt(last.Source.End))
	}
	for _, c := range cs {
		if c.i <= done || participle(f.toks[c.i].low) {
			continue
		}
		q, ok := f.preposed(c)
		if !ok || q.Source == nil || q.Content == nil {
			continue
		}
		s := f.tokenAt(q.Source.Start) + 1
		if s <= done || !f.toks[s].upper && !isPronoun(f.toks[s].low) {
			continue
		}
		out = append(out, q)
		done = f.contentEnd(q)
	}
	return out
}
