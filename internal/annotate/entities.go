package annotate

import (
	"strings"

	"github.com/sitrep/sitrep/internal/extract"
	"github.com/sitrep/sitrep/internal/words"
)

// Entity types.
const (
	Person = "PERSON"
	Org    = "ORG"
	Loc    = "LOC"
)

// Entity is a named mention of a person, organisation or place.
type Entity struct {
	Start, End int    // byte offsets of the name
	Text       string // the name as written
	Type       string // PERSON, ORG or LOC
	// Name is the canonical name within the document: "Mike Pompeo" for a
	// later "Pompeo", "The Washington Post" for "the Post".
	Name string
	// Role is a title written before a person's name ("Secretary of State",
	// "Army Gen.").
	Role string `json:",omitempty"`
	// Place is the gazetteer entry of a location.
	Place *Place `json:",omitempty"`
	// weak: a lone capitalised word opening a sentence, kept only when the
	// name occurs elsewhere or the word is capitalised inside a sentence.
	weak bool
	// guessed: an organisation only for want of evidence ("Piet
	// Halvorsen"); a person when quoted by surname.
	guessed bool
}

var (
	// orgKeywords make a capitalised run an organisation.
	orgKeywords = setOf(`inc inc. corp corp. corporation co co. ltd ltd. llc plc company companies group holdings
		airways airlines airline bank bancorp department ministry agency office council committee commission
		party court university college institute association union federation foundation fund board bureau
		service services administration government congress senate parliament assembly army navy force forces
		guard police embassy consulate campaign center centre organization organisation network times post
		news journal tribune herald telegraph guardian press radio television tv channel studios motors
		industries technologies systems pharmaceuticals energy oil petroleum exchange reserve treasury
		pentagon kremlin nato fbi cia nsa un eu who opec imf securities capital partners club league
		coalition alliance brigade militia movement front state-run parliamentary cabinet
		authority authorities commission chamber caucus department's computer computers corps aerospace
		aviation aircraft airplanes air automotive electronics software labs laboratories entertainment records`)
	// personTitles before a name make it a person's.
	personTitles = setOf(`president vice secretary ambassador gen. gen general adm. adm admiral col. col colonel lt.
		lt sgt. sgt capt. capt captain maj. maj major sen. sen senator rep. rep representative gov. gov governor
		mayor minister premier chancellor judge justice dr. dr mr. mr mrs. mrs ms. ms prof. prof professor rev.
		rev chief director chairman chairwoman commander deputy king queen prince princess pope sheikh
		lord sir dame president-elect spokesman spokeswoman spokesperson ceo cfo coo chancellor envoy
		leader militant cleric ayatollah emir sultan pastor bishop cardinal coach manager analyst
		executive founder chair lawyer attorney officer c.e.o sergeant private corporal lieutenant marshal councillor
		councilman councilwoman councilor commissioner superintendent inspector detective constable`)
	// roleWords may come between titles: "Secretary of State", "Prime
	// Minister", "Army Gen.".
	roleWords = setOf(`of state defense defence foreign interior homeland prime army navy air marine the
		operating financial technology information
		u.s. us joint chiefs staff national security house senate supreme federal acting former`)
	nameJoiners = setOf(`of for de del della da al bin ibn van von der la le du y &`)
	// placePrefixes open the names of places: "Port Calder", "Mount Hood".
	placePrefixes = setOf(`port mount mt fort ft lake cape san santa saint st sao`)
	// placeKeywords end the names of places.
	placeKeywords = setOf(`airport ocean sea river mountain mountains lake island islands bay valley province region county
		street square park bridge strait gulf peninsula desert coast canal district city port harbour harbor
		factory`)
	notNames = setOf(`i monday tuesday wednesday thursday friday saturday sunday january february march april
		may june july august september october november december god the a an this that these
		those it he she they we you his her their our my its there here but and or so if when while after
		before as at in on by for of to with from into over under about since until although though because
		what who which where why how yes no not however meanwhile also still yet then once now today
		tonight tomorrow yesterday last next earlier later internet covid-19 covid coronavirus jan feb mar apr
		jun jul aug sep sept oct nov dec western eastern northern southern briton britons westerners
		christmas easter thanksgiving ramadan hanukkah diwali halloween utc gmt est edt pst pdt cet bst
		usd eur gbp jpy`)
)

// FindEntities finds the named people, organisations and places of a text
// split into sentences.
func FindEntities(text string, sents []Span) []Entity {
	var out []Entity
	ws := &docWords{lower: lowercaseWords(text), midCaps: map[string]bool{}}
	sentToks := make([][]token, len(sents))
	for n, s := range sents {
		toks := tokenize(text, s.Start, s.End)
		sentToks[n] = toks
		first := firstWord(toks)
		for k, t := range toks {
			if t.upper && k > first && !isQuoteMark(toks[k-1].punct) {
				ws.midCaps[trimPossessive(t.low)] = true
			}
		}
	}
	for _, toks := range sentToks {
		for i := 0; i < len(toks); {
			if !toks[i].isWord() || !toks[i].upper {
				i++
				continue
			}
			j := i + 1
			for j < len(toks) && !possessive(toks[j-1].low) {
				t := toks[j]
				if t.isWord() && (t.upper || strings.HasPrefix(t.low, "al-") || strings.HasPrefix(t.low, "el-")) {
					j++
					continue
				}
				if t.isWord() && nameJoiners[t.low] && j+1 < len(toks) && toks[j+1].upper && toks[j+1].isWord() {
					j += 2
					continue
				}
				if t.punct == '&' && j+1 < len(toks) && toks[j+1].upper {
					j += 2
					continue
				}
				if t.punct == '.' && (personTitles[toks[j-1].low+"."] || placePrefixes[toks[j-1].low]) && t.s == toks[j-1].e && j+1 < len(toks) && toks[j+1].upper {
					j++ // "Gen. Mark Milley", "St. Louis"
					continue
				}
				break
			}
			out = append(out, classifyRun(text, toks, i, j, i == 0 || isQuoteMark(toks[i-1].punct) && i == 1, ws)...)
			i = j
		}
	}
	resolveAliases(out)
	kept := out[:0]
	for _, e := range out {
		if !e.weak || ws.midCaps[strings.ToLower(e.Text)] {
			kept = append(kept, e)
			continue
		}
		for _, o := range out {
			if !o.weak && (o.Text == e.Text || o.Name == e.Name && o.Type == e.Type) {
				kept = append(kept, e)
				break
			}
		}
	}
	return kept
}

// docWords is what the whole document tells of its words.
type docWords struct {
	lower   map[string]bool // written in lower case somewhere
	midCaps map[string]bool // capitalised inside a sentence somewhere
}

// lowercaseWords is the set of words the text writes in lower case: a
// capitalised word that also appears lower-case is an ordinary word
// opening a sentence ("Tensions", "Future").
func lowercaseWords(text string) map[string]bool {
	m := map[string]bool{}
	words.Each(text, func(w []byte, at words.Span) {
		if c := text[at.Start]; c >= 'a' && c <= 'z' {
			m[string(w)] = true
		}
	})
	return m
}

// classifyRun turns the capitalised tokens toks[i:j] into entities.
func classifyRun(text string, toks []token, i, j int, sentStart bool, ws *docWords) []Entity {
	atStart := func(k int) bool {
		return (sentStart || k > 0 && isQuoteMark(toks[k-1].punct)) && k == firstWord(toks)
	}
	// Drop ordinary words capitalised at the start of a sentence or a
	// quotation.
	for i < j && (notNames[strings.TrimSuffix(toks[i].low, ".")] || atStart(i) && (ws.lower[trimPossessive(toks[i].low)] || words.Stop(toks[i].low))) {
		i++
	}
	// Named days are events, not names: "Black Monday", "Super Tuesday".
	if j-i > 1 && weekdayNames[toks[j-1].low] {
		return nil
	}
	for j > i && (nameJoiners[toks[j-1].low] || notNames[toks[j-1].low] && !(compassWords[toks[j-1].low] && j-i > 1) || !toks[j-1].isWord()) {
		j--
	}
	// Titles after an organisation's name: "Ryanair CEO", "the Apple
	// Chief Executive Officer".
	for j-i > 1 && trailingTitles[toks[j-1].low] {
		for j-i > 1 && (isTitle(toks[j-1].low) || roleWords[toks[j-1].low]) {
			j--
		}
	}
	// "Iranian Gen. Qasem Soleimani": a nationality before a title.
	if j-i > 1 && isDemonym(toks[i].low) {
		i++
	}
	for i < j && !toks[i].isWord() {
		i++
	}
	if i < j && ((ordinaryWord(toks[i].low, ws.lower) || ingWord(toks[i].low) && !ws.midCaps[toks[i].low]) && atStart(i) || lowerHyphen(text[toks[i].s:toks[i].e])) {
		i++
	}
	if i >= j {
		return nil
	}
	if k, person := splitPoint(text, toks, i, j); k > i {
		head := classifyRun(text, toks, i, k, sentStart, ws)
		if !person {
			return append(head, classifyRun(text, toks, k, j, false, ws)...)
		}
		name := trimPossessive(text[toks[k].s:toks[j-1].e])
		return append(head, Entity{Start: toks[k].s, End: toks[k].s + len(name), Text: name, Name: name, Type: Person})
	}
	// A title before the name: "Secretary of State Mike Pompeo".
	k := i
	for k < j && (isTitle(toks[k].low) || !toks[k].isWord() || (k > i || k+1 < j && isTitle(toks[k+1].low)) && roleWords[toks[k].low] && k+1 < j) {
		k++
	}
	role := ""
	if k > i && k < j {
		if hasOrgKeyword(toks[k:j]) {
			k = i // "General Motors", "Major League Baseball"
		} else {
			role = text[toks[i].s:toks[k-1].e]
			i = k
		}
	} else if k == j {
		// titles alone: "the President", "Prime Minister"
		return nil
	}
	var ok bool
	if j, ok = endOfName(text, toks, i, j); !ok || i >= j {
		return nil
	}
	if role != "" {
		// "President of the United States Barack Obama": the place belongs
		// to the role.
		if k := placePrefix(text, toks, i, j); k > i && j-k >= 2 && isFirstName(text[toks[k].s:toks[k].e]) {
			place := classifyName(text, toks, i, k, "", false, ws)
			person := classifyName(text, toks, k, j, role+" "+text[toks[i].s:toks[k-1].e], false, ws)
			return append(place, person...)
		}
	}
	return classifyName(text, toks, i, j, role, atStart(i), ws)
}

// classifyName gives the name toks[i:j], trimmed of titles, its type.
func classifyName(text string, toks []token, i, j int, role string, atStart bool, ws *docWords) []Entity {
	name := trimPossessive(text[toks[i].s:toks[j-1].e])
	e := Entity{Start: toks[i].s, End: toks[i].s + len(name), Text: name, Name: name, Role: role}
	lowName := strings.ToLower(name)
	single := j-i == 1
	switch {
	case single && (isDemonym(name) || isDemonym(strings.TrimSuffix(name, "s")) || lowerHyphen(name)):
		return nil
	case eventKeywords[trimPossessive(toks[j-1].low)] && !isOutlet(name):
		return nil // "Paris Air Show", "Worldwide Developers Conference"
	case role == "" && (productBefore(text, toks, i) || marketIndex(toks, i, j)):
		return nil
	case single && continentalDemonyms[strings.TrimSuffix(lowName, "s")]:
		return nil
	case role != "":
		e.Type = Person
	case isOutlet(name):
		e.Type = Org
		if o, ok := extract.LookupOutlet(name); ok {
			e.Name = o.Name
		}
	case placeKeywords[trimPossessive(toks[j-1].low)] && !single || placePrefixes[toks[i].low] && !single ||
		j < len(toks) && !toks[j].upper && placeKeywords[toks[j].low]:
		e.Type = Loc // "Mount Hood", "Heathrow airport"
	case toks[j-1].low == "government" && j-i > 1 && isPlace(text[toks[i].s:toks[j-2].e]):
		e.Type = Loc // "the US Government" is the country's
	case !single && personAppositive(toks, j):
		e.Type = Person // "Jim Press, the vice chairman of Chrysler"
	case hasOrgKeyword(toks[i:j]):
		e.Type = Org
	default:
		if p, ok := LookupPlace(lowName); ok {
			e.Type = Loc
			pp := p
			e.Place = &pp
			e.Name = p.Name
			break
		}
		if single && ordinaryWord(trimPossessive(toks[i].low), ws.lower) {
			return nil
		}
		if single && isAcronym(name) {
			e.Type = Org
			break
		}
		if !single && j-i <= 4 && !allCaps(text, toks[i:j]) && (isFirstName(text[toks[i].s:toks[i].e]) && !placeWord(text, toks[j-1]) || titledBefore(toks, i)) {
			e.Type = Person
			break
		}
		e.Type = Org
		e.guessed = !single && j-i <= 3 && !allCaps(text, toks[i:j])
		if single {
			e.Type = "" // decided by the aliases, else ORG
			e.weak = atStart
		}
	}
	return []Entity{e}
}

// ordinaryWord reports whether a capitalised word is an ordinary one: the
// text also writes it (or its singular) in lower case, or it is a function
// word.
func ordinaryWord(w string, lowerSeen map[string]bool) bool {
	if lowerSeen[w] || words.Stop(w) {
		return true
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return lowerSeen[strings.TrimSuffix(w, "ies")+"y"]
	case strings.HasSuffix(w, "s"):
		return lowerSeen[strings.TrimSuffix(w, "s")]
	}
	return false
}

// lowerHyphen reports words like "Iranian-backed" and "U.S.-led".
func lowerHyphen(w string) bool {
	k := strings.LastIndexByte(w, '-')
	return k >= 0 && k+1 < len(w) && w[k+1] >= 'a' && w[k+1] <= 'z'
}

func firstWord(toks []token) int {
	for k, t := range toks {
		if t.isWord() {
			return k
		}
	}
	return 0
}

func trimPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

func isOutlet(name string) bool {
	_, ok := extract.LookupOutlet(name)
	return ok
}

func hasOrgKeyword(toks []token) bool {
	for _, t := range toks {
		if orgKeywords[trimPossessive(t.low)] {
			return true
		}
	}
	return false
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.' || r == '&' || r == '-':
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

func allCaps(text string, toks []token) bool {
	for _, t := range toks {
		if !isAcronym(trimPossessive(text[t.s:t.e])) {
			return false
		}
	}
	return true
}

// resolveAliases links later short mentions to earlier full names: a
// surname to the person ("Pompeo"), a first word or acronym to the
// organisation ("Lockheed", "GAO"), and gives single unknown names a type.
func resolveAliases(es []Entity) {
	for i := range es {
		e := &es[i]
		if e.Place != nil && !strings.Contains(e.Text, " ") {
			placeAlias(e, es)
			continue
		}
		if strings.Contains(e.Text, " ") && e.Type != "" || e.Place != nil || e.Role != "" {
			continue
		}
		for _, k := range aliasOrder(i, len(es)) {
			p := es[k]
			if p.Type == "" || p.Text == e.Text {
				if p.Text == e.Text && p.Type != "" && e.Type == "" {
					e.Type, e.Name = p.Type, p.Name
					break
				}
				continue
			}
			f := strings.Fields(p.Text)
			switch {
			case p.Type == Person && f[len(f)-1] == e.Text:
				e.Type, e.Name = Person, p.Name
			case p.Type == Org && (f[0] == e.Text || isAcronym(e.Text) && initials(f) == strings.ReplaceAll(e.Text, ".", "")):
				e.Type, e.Name = Org, p.Name
			case p.Type == Org && isOutlet(p.Name) && strings.HasSuffix(p.Name, " "+e.Text):
				e.Type, e.Name = Org, p.Name // "the Post"
			default:
				continue
			}
			break
		}
		if e.Type == "" {
			e.Type = Org
		}
	}
}

// placeAlias makes a one-word place a person's surname ("Obama" after
// "Barack Obama") or an organisation's acronym ("GAO" after "Government
// Accountability Office") where the document names one.
func placeAlias(e *Entity, es []Entity) {
	for _, p := range es {
		if p.Place != nil || p.Type == "" || !strings.Contains(p.Text, " ") {
			continue
		}
		f := strings.Fields(p.Text)
		if p.Type == Person && f[len(f)-1] == e.Text || p.Type == Org && isAcronym(e.Text) && initials(f) == strings.ReplaceAll(e.Text, ".", "") {
			e.Type, e.Name, e.Place = p.Type, p.Name, nil
			return
		}
	}
}

// aliasOrder lists the other mentions from the nearest earlier one back to
// the first, then the later ones: a surname may come before the full name.
func aliasOrder(i, n int) []int {
	out := make([]int, 0, n)
	for k := i - 1; k >= 0; k-- {
		out = append(out, k)
	}
	for k := i + 1; k < n; k++ {
		out = append(out, k)
	}
	return out
}

func initials(f []string) string {
	var b strings.Builder
	for _, w := range f {
		if nameJoiners[strings.ToLower(w)] {
			continue
		}
		b.WriteByte(w[0])
	}
	return strings.ToUpper(b.String())
}
