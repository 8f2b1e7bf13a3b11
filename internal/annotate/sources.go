package annotate

import (
	"strings"
)

var (
	anonymousSourceWords = setOf(`source sources person people insider insiders aide aides confidant confidants
		familiar associate associates ally allies adviser advisers advisor advisors`)
	officialWords = setOf(`official officials spokesperson spokesman spokeswoman spokespeople diplomat diplomats
		officer officers authorities administration department ministry agency government representative
		representatives staffer staffers lawmaker lawmakers`)
	documentWords = setOf(`statement statements report reports memo letter filing poll polls survey surveys study
		studies data document documents analysis records record tweet tweets release email emails transcript
		complaint indictment ruling order lawsuit figures numbers website post video footage`)
	institutionWords = setOf(`department ministry agency administration government authorities office council
		committee commission embassy campaign party court`)
	titleWords = setOf(`president vice secretary ambassador gen general adm admiral col colonel lt sgt capt captain
		maj major sen senator rep representative gov governor mayor minister prime chancellor judge justice dr
		mr mrs ms prof professor rev chief director chairman chairwoman chair commander army navy marine air
		force state deputy acting former king queen prince princess pope sheikh lord sir dame elect
		president-elect attorney assistant`)
	personPronouns = setOf(`he she him her his i we they`)
)

// classifySource gives the type of a source phrase and the speaker it
// names. Pronouns and definite descriptions ("the spokesperson") come back
// Unresolved, for resolveSpeakers.
func classifySource(src string) (typ, speaker string) {
	toks := tokenize(src, 0, len(src))
	var ws []token
	for _, t := range toks {
		if t.isWord() {
			ws = append(ws, t)
		}
	}
	if len(ws) == 0 {
		return Unresolved, ""
	}
	if len(ws) == 1 && (personPronouns[ws[0].low] || ws[0].low == "it") {
		return Unresolved, ""
	}
	name := properName(src, ws)
	head := ws[len(ws)-1].low
	has := func(m map[string]bool) bool {
		for _, w := range ws {
			if m[w.low] {
				return true
			}
		}
		return false
	}
	switch {
	case has(documentWords) && !has(officialWords) && name == "":
		return Document, src
	case documentWords[head]:
		return Document, src
	case anonymousSourceWords[head] || has(anonymousSourceWords) && name == "":
		if name != "" && !strings.Contains(strings.ToLower(src), "familiar") {
			break
		}
		if definite(ws) {
			return Unresolved, src
		}
		return AnonymousSource, src
	case institutionWords[head] && name != "":
		return NamedOrg, name
	case officialWords[head] && !personLike(name):
		if definite(ws) && len(ws) <= 3 && name == "" {
			return Unresolved, src
		}
		return AnonymousOfficial, src
	}
	if name != "" {
		if personLike(name) || has(titleWords) {
			return NamedPerson, name
		}
		return NamedOrg, name
	}
	return Unnamed, src
}

// definite reports whether a phrase refers back: "the spokesperson", "the
// source familiar".
func definite(ws []token) bool {
	return ws[0].low == "the" || ws[0].low == "that" || ws[0].low == "this"
}

// properName is the name in a source phrase: the longest run of capitalised
// words that are not titles ("Army Gen. Mark Milley" → "Mark Milley").
func properName(src string, ws []token) string {
	best, person := "", ""
	for i := 0; i < len(ws); {
		if !ws[i].upper || titleWords[strings.TrimSuffix(ws[i].low, ".")] || i == 0 && (determiners[ws[i].low] || commonCaps[ws[i].low]) || countryShort[ws[i].low] {
			i++
			continue
		}
		j := i
		for j < len(ws) && (ws[j].upper || ws[j].low == "al" || ws[j].low == "bin" || ws[j].low == "de" || ws[j].low == "of" && j+1 < len(ws) && ws[j+1].upper) {
			j++
		}
		name := src[ws[i].s:ws[j-1].e]
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		if len(name) > len(best) {
			best = name
		}
		if person == "" && personLike(name) {
			person = name
		}
		i = j
	}
	if person != "" {
		return person
	}
	return best
}

// commonCaps are words capitalised only because they open a sentence.
var commonCaps = setOf(`both one two three four five six seven eight nine ten many some most several all each
	every another other few either neither such`)

// countryShort are country abbreviations that qualify a noun: "a US official".
var countryShort = setOf(`us u.s uk u.k eu u.n un`)

// personLike guesses whether a name is a person's: two or three capitalised
// words with no organisation word, or a single known-looking surname
// after a title.
func personLike(name string) bool {
	if name == "" {
		return false
	}
	f := strings.Fields(name)
	for _, w := range f {
		if orgWords[strings.ToLower(w)] {
			return false
		}
	}
	if len(f) >= 2 && len(f) <= 4 {
		return true
	}
	return false
}

var orgWords = setOf(`department ministry agency office house council committee commission party court union
	bank company corp inc ltd group association institute university college school times post news press
	journal network service services administration government congress senate parliament army navy force
	forces police embassy campaign foundation center centre organization organisation fund board bureau
	reuters cnn bbc nato fbi cia pentagon`)

// resolveSpeakers types every source and resolves pronouns and definite
// descriptions ("he", "the spokesperson", "they") to the last fitting
// speaker within a few sentences.
func resolveSpeakers(qs []Quote) {
	for i := range qs {
		q := &qs[i]
		if q.Source == nil {
			q.SourceType = Unresolved
			if i > 0 && qs[i-1].Sentence >= q.Sentence-2 {
				q.Speaker, q.SourceType = qs[i-1].Speaker, qs[i-1].SourceType
			}
			continue
		}
		typ, speaker := classifySource(q.Source.Text)
		q.SourceType, q.Speaker = typ, speaker
		if typ != Unresolved {
			continue
		}
		low := strings.ToLower(q.Source.Text)
		headWord := lastWord(low)
		for k := i - 1; k >= 0 && q.Sentence-qs[k].Sentence <= 6; k-- {
			p := qs[k]
			if p.SourceType == Unresolved || p.Source == nil && p.Speaker == "" {
				continue
			}
			pronoun := personPronouns[low] || low == "it"
			if pronoun {
				if low == "it" && p.SourceType != NamedOrg && p.SourceType != Document {
					continue
				}
				if low != "it" && low != "they" && p.SourceType != NamedPerson && p.SourceType != AnonymousOfficial && p.SourceType != AnonymousSource {
					continue
				}
				q.Speaker, q.SourceType = p.Speaker, p.SourceType
				break
			}
			if p.Source != nil && strings.Contains(strings.ToLower(p.Source.Text), headWord) {
				q.Speaker, q.SourceType = p.Speaker, p.SourceType
				break
			}
		}
		if q.SourceType == Unresolved && !personPronouns[low] && low != "it" {
			// "the source" with nobody earlier to point to is still a source.
			switch {
			case anonymousSourceWords[headWord]:
				q.SourceType, q.Speaker = AnonymousSource, q.Source.Text
			case officialWords[headWord]:
				q.SourceType, q.Speaker = AnonymousOfficial, q.Source.Text
			}
		}
	}
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,;:")
}
