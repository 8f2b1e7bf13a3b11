package annotate

import "strings"

// Reporting verbs and phrases that introduce an attribution: what someone
// said, wrote, found or believes. Regular verbs are listed by lemma and
// inflected; irregular ones list their forms.
var (
	// regularCues are verbs of saying and of stance. The rarer ones are the
	// verbs all of whose WordNet 3.1 senses are verbs of communication and
	// that are neither nouns nor adjectives there ("upbraid", "gainsay").
	regularCues = strings.Fields(`
		accuse acknowledge add address admit advise agree allege announce answer argue ask assert assure
		attack blame blast boast brag caution charge chant cite claim clarify comment complain concede
		conclude confirm contend counter criticize criticise decide declare decline defend demand deny
		describe disclose dismiss dispute emphasize emphasise estimate explain express fear insist hope
		indicate inform interject joke confess maintain mention note object observe offer plead pledge
		point predict press proclaim promise propose question quip recall recount recommend reiterate
		reject remark remind repeat reply report respond retort reveal rule scream shout signal speculate
		state stress suggest testify thank threaten tweet urge vow warn wonder worry yell write believe
		guess imply mock praise rebut slam support want wish echo identify endorse condemn label discuss
		debate release publish consider expect rate encourage promote refuse call sing characterize
		characterise portray continue talk denounce liken compare unleash balk scold seethe exhort specify
		dub ignore grill despise marvel propound lambast extol herald articulate moralize resent chronicle
		spar pooh-pooh fathom rejoice react understate admonish affirm attest aver berate beseech
		castigate censure chide conjecture decry disavow divulge entreat excoriate exclaim gloat gripe
		grumble hypothesize insinuate lament mumble murmur mutter opine posit reassure rebuke recant
		reprimand repudiate retract scoff sneer surmise theorize whisper stammer jeer regret applaud tout
		expose reference recognize prefer link highlight refer forecast discover apologize admire
		underscore downplay doubt suspect laud implore hail disagree deride chastise brand ridicule
		persuade envision contemplate bemoan comprehend appear view retweet abjure adjure adulate allude
		animadvert asseverate avouch avow badmouth bewail blab bloviate blurt cajole calumniate condone
		debunk declaim defame denigrate deplore deprecate disclaim disparage diss dissuade enjoin
		equivocate eulogize eulogise exculpate exonerate expatiate explicate expostulate expound foretell
		forewarn gainsay impugn importune inveigh nitpick objurgate orate overstate perorate
		preach profess prognosticate promulgate pronounce prophesy reaffirm reassert recriminate
		remonstrate reprove restate revile satirize satirise second-guess sermonize speechify stipulate
		traduce upbraid vilify vindicate vituperate wheedle yammer prevaricate rephrase reword
		editorialize editorialise`)
	irregularCues = map[string][]string{
		"say":        {"say", "says", "said", "saying"},
		"tell":       {"tell", "tells", "told", "telling"},
		"write":      {"write", "writes", "wrote", "written", "writing"},
		"think":      {"think", "thinks", "thought", "thinking"},
		"know":       {"know", "knows", "knew", "known"},
		"find":       {"find", "finds", "found"},
		"show":       {"show", "shows", "showed", "shown"},
		"feel":       {"feel", "feels", "felt"},
		"see":        {"see", "sees", "saw"},
		"read":       {"reads", "read"},
		"understand": {"understand", "understands", "understood", "understanding"},
		"admit":      {"admit", "admits", "admitted", "admitting"},
		"plan":       {"plan", "plans", "planned"},
		"put":        {"put it"},
		"speak":      {"speak", "speaks", "spoke", "spoken", "speaking"},
	}
	// nounLike forms are also common nouns ("the report", "his claims"):
	// they are cues only when no determiner or possessive comes before
	// and no "of" after.
	// weakCues are forms that are mostly nouns in news ("the state", "his
	// plan", "questions"): cues only before "that", a quotation or a colon.
	weakCues = setOf(`state states question questions support supports rule rules ruling plan plans answer
		answers point points report reports address remarks attack attacks demand demands claim claims order
		orders charge charges offer offers signal signals object objects press note notes read reads comment
		comments promise promises pledge pledges vow vows fear fears hope hopes estimate estimates want see saw
		tweet tweets show think reporting mention blame thank worry wish counter joke jokes defend call calls
		called calling release releases released releasing rate rates label labels debate debates expect
		understand consider discuss echo echoes sing continue continues continued continuing appear appears
		appeared appearing message endorsement view views viewed viewing tell read`)
	nounLike = setOf(`report reports state states post posts comment comments claim claims fear fears hope hopes ridicule
		promise promises estimate estimates question questions demand demands reply replies vow vows pledge
		pledges warning thought order orders support wish point charge charges offer offers plan plans note notes
		remarks answer answers signal signals blame attack attacks counter ruled rule rules read reads object
		objects press tweet tweets joke jokes defend worry charge show shows found thank mention decline declines
		remark talk talks link links reference references doubt doubts brand brands forecast forecasts
		message endorsement criticism acknowledgment view views`)
	determiners = setOf(`the a an this that these those his her its their our my your whose which what no any every
		each some another`)
	// articleOrOwner before a cue form make it a noun ("the dispute", "his
	// questioning") or, for a participle, an adjective ("the expected
	// losses").
	articleOrOwner = setOf(`the a an this these those his its their our my her your such`)
	// indefinites before a participle make it a description of whoever
	// fits: "anyone wanting to learn more".
	indefinites = setOf(`anyone anybody someone somebody everyone everybody whoever`)
	// invertible verbs may come before their source: "…,” said Smith."
	invertible = setOf(`said says added adds wrote writes noted notes reported reports asked asks explained explains
		continued continues tweeted tweets declared declares replied replies responded responds countered counters
		argued argues recalled recalls quipped quips joked jokes concluded concludes insisted insists recounted
		recounts observed observes stated states warned warns acknowledged acknowledges conceded concedes
		admitted admits complained complains suggested suggests remarked remarks announced announces
		cautioned cautions predicted predicts mused muses posted posts claimed claims boasted boasts`)
	// tellVerbs take the person told before the content: "told CNN that".
	tellVerbs = setOf(`told tell tells telling asked ask asks asking informed inform informs assured assure assures
		reminded remind reminds warned warn warns urged urge urges`)
	// participleCues continue the subject's attribution after a comma:
	// "…, saying that".
	participleCues = setOf(`saying adding noting arguing claiming warning insisting explaining writing telling
		stressing suggesting calling acknowledging asserting declaring promising vowing citing`)
	// showVerbs are cues after a noun of evidence: "polls show", "the
	// documents showed".
	showVerbs     = setOf(`show shows showed`)
	evidenceNouns = setOf(`poll polls data figures records documents survey surveys results statistics numbers
		study studies analysis tests emails return returns filings footage video videos averages`)
	// attitudeCues are adjectives of a stance, cues as weak ones are:
	// "protesters were frustrated that …".
	attitudeCues = setOf(`frustrated concerned confident convinced aware hopeful optimistic skeptical afraid adamant
		angry upset pleased disappointed passionate coy incensed wary unhappy furious outraged troubled alarmed`)
	// attitudeTopics after an attitude say what it is held about.
	attitudeTopics = setOf(`about of over with whether`)
	// nounCues are nouns that state what someone holds or said: "drew
	// criticism", "her endorsement of". They are noun-like (nounLike).
	nounCues = setOf(`message endorsement criticism acknowledgment adulation abandonment eagerness determination disdain admiration`)
	// topicCues are verbs of speaking that are cues only when what was
	// spoken of follows (speaksOf); aboutWords introduce it.
	topicCues  = setOf(`speak speaks spoke spoken speaking talk talks talked talking`)
	aboutWords = setOf(`of about out against that`)
	// callParticles after "called" make another verb: "called in", "called off".
	callParticles = setOf(`in into to up off out back upon`)
	// auxiliaries and adverbs that belong to the cue: "has also said".
	cueModifiers = setOf(`has have had also will would could can may might should did does do not never previously
		later repeatedly often once again then recently publicly privately is was were are been being first
		further already reportedly separately earlier quickly flatly simply neither too so very more less
		isn't aren't wasn't weren't don't doesn't didn't won't can't couldn't wouldn't hasn't haven't hadn't
		isn’t aren’t wasn’t weren’t don’t doesn’t didn’t won’t can’t couldn’t wouldn’t hasn’t haven’t hadn’t`)
	// sourceStops end a source phrase when walking back from a cue.
	sourceStops = setOf(`that which but because as when while if since after before although though where whether
		so than then or why how what whom unless until once said says say told tells`)
	// relativeWords open a relative clause inside a source phrase.
	relativeWords = setOf(`that which who whose`)
	cueForms      = buildCueForms()
	// phrasesFrom indexes the multi-word cues by their first word.
	phrasesFrom = indexPhrases(phraseCues)
)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func indexPhrases(ps [][]string) map[string][][]string {
	m := map[string][][]string{}
	for _, p := range ps {
		m[p[0]] = append(m[p[0]], p)
	}
	return m
}

func buildCueForms() map[string]string {
	m := map[string]string{}
	for lemma, forms := range irregularCues {
		for _, f := range forms {
			if !strings.Contains(f, " ") {
				m[f] = lemma
			}
		}
	}
	for w := range attitudeCues {
		m[w] = w
	}
	for w := range nounCues {
		m[w] = w
	}
	for _, l := range regularCues {
		if _, ok := irregularCues[l]; ok {
			continue
		}
		for _, f := range inflect(l) {
			if _, ok := m[f]; !ok {
				m[f] = l
			}
		}
	}
	return m
}

// inflect gives the regular forms of an English verb.
// doublesLast are the verbs that double their last letter: "quipped".
var doublesLast = setOf(`quip plan slam admit rebut dub spar`)

func inflect(l string) []string {
	n := len(l)
	switch {
	case strings.HasSuffix(l, "e"):
		return []string{l, l + "s", l + "d", l[:n-1] + "ing"}
	case strings.HasSuffix(l, "y") && n > 1 && !strings.ContainsRune("aeiou", rune(l[n-2])):
		return []string{l, l[:n-1] + "ies", l[:n-1] + "ied", l + "ing"}
	case strings.HasSuffix(l, "s") || strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "x"):
		return []string{l, l + "es", l + "ed", l + "ing"}
	case doublesLast[l]:
		last := l[n-1:]
		return []string{l, l + "s", l + last + "ed", l + last + "ing"}
	}
	return []string{l, l + "s", l + "ed", l + "ing"}
}

// claimNouns are the noun cues that state what someone said: "his claim
// that …", not "his plan that matches …".
var claimNouns = setOf(`claim claims promise promises vow vows pledge pledges warning charge charges`)

func possessive(w string) bool { return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") }

// ownClaim reports whether the noun cue at i belongs to someone and states
// its content: "Trump's claim that …", "his promise that …".
func ownClaim(toks []token, i int) bool {
	prev := toks[i-1].low
	if !possessive(prev) && prev != "his" && prev != "her" && prev != "their" && prev != "its" || i+1 >= len(toks) {
		return false
	}
	next := toks[i+1].low
	return claimNouns[toks[i].low] && next == "that" || stanceNouns[toks[i].low] && (next == "of" || next == "for" || next == "to")
}

// stanceNouns say how someone regards something: "his adulation of Putin",
// "the GOP's abandonment of principle", "the president's eagerness to use".
var stanceNouns = setOf(`adulation abandonment eagerness determination disdain admiration`)

// cueAt reports whether a cue starts at token i and how many tokens it has.
func cueAt(toks []token, i int) (n int, lemma string) {
	for _, p := range phrasesFrom[toks[i].low] {
		if i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p {
			if toks[i+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p), strings.Join(p, " ")
		}
	}
	t := toks[i]
	if goesOn(toks, i) {
		return 4, cueForms[toks[i+3].low] // "went on to explain"
	}
	lemma, ok := cueForms[t.low]
	if !ok {
		if thatVerb(toks, i) || pollChoice(toks, i) {
			return 1, t.low
		}
		return 0, ""
	}
	if idiom(toks, i) {
		return 0, ""
	}
	if intends(toks, i) {
		return 1, lemma
	}
	if nounLike[t.low] {
		if i > 0 && (determiners[toks[i-1].low] || possessive(toks[i-1].low)) && !ownClaim(toks, i) {
			return 0, ""
		}
		if i+1 < len(toks) && (toks[i+1].low == "of" || toks[i+1].low == "to" && t.low != "told" && !(topicCues[t.low] && speaksOf(toks, i))) {
			return 0, ""
		}
	}
	if i > 0 && toks[i-1].low == "to" && !catenated(toks, i) && !meetsTo(toks, i) || agentBy(toks, i) {
		// "to train and advise", "blamed by": not someone speaking
		return 0, ""
	}
	if passiveSenses[t.low] && passiveAt(toks, i) {
		return 0, ""
	}
	if stanceNouns[t.low] && (i == 0 || !ownClaim(toks, i)) {
		return 0, "" // only after its owner: "his adulation of", not "his longstanding disdain"
	}
	if i > 1 && articleOrOwner[toks[i-2].low] && adverb(toks[i-1]) && strings.HasSuffix(t.low, "ed") && i+1 < len(toks) && toks[i+1].isWord() {
		return 0, "" // "their widely repudiated theories": an adjective
	}
	if t.low == "thanks" && i+1 < len(toks) && (toks[i+1].low == "to" || toks[i+1].low == "in" || adverb(toks[i+1])) {
		return 0, "" // "thanks in large part to Trump": because of
	}
	if (t.low == "reported" || t.low == "reporting") && i+1 < len(toks) && toks[i+1].low == "from" {
		return 0, "" // "Julie Davis reported from Midway Atoll": a reporter's credit line
	}
	if lemma == "compare" && i+1 < len(toks) && (toks[i+1].low == "with" || toks[i+1].low == "to") {
		return 0, "" // "$275,000, compared with $2,700": figures set side by side
	}
	if i > 0 && indefinites[toks[i-1].low] && strings.HasSuffix(t.low, "ing") {
		return 0, "" // "for anyone wanting to borrow": whoever that may be
	}
	if lemma == "decline" && !(i+1 < len(toks) && (toks[i+1].low == "to" || toks[i+1].low == "comment" || determiners[toks[i+1].low])) {
		return 0, "" // "declined to comment", "declined that assignment"; not "declined slightly", "market declines"
	}
	if topicCues[t.low] && !speaksOf(toks, i) {
		return 0, ""
	}
	if i > 0 && articleOrOwner[toks[i-1].low] && (!strings.HasSuffix(t.low, "ed") || i+1 < len(toks) && toks[i+1].isWord()) && !ownClaim(toks, i) {
		// "The dispute centers on", "a retort", "his questioning", "the
		// expected emissions": a noun or an adjective, not a verb
		return 0, ""
	}
	if weakCues[t.low] && i > 1 && !toks[i-1].upper && len(toks[i-1].low) > 4 && strings.HasSuffix(toks[i-1].low, "ing") &&
		!determiners[toks[i-2].low] && toks[i-2].low != "one" {
		// "began taking calls from listeners": the object of a verb; not
		// "a glowing endorsement", "the following comment".
		return 0, ""
	}
	if weakCues[t.low] || attitudeCues[t.low] {
		ok := callsLabel(toks, i)
		win := 2
		if cueForms[t.low] == "call" {
			win = 8
		} else if tellVerbs[t.low] {
			win = 6 // "tell the committee that"
		}
		for k := i + 1; k < len(toks) && k <= i+win; k++ {
			if toks[k].low == "that" || opensQuote(toks[k].punct) || toks[k].punct == ':' {
				ok = true
			}
		}
		if attitudeCues[t.low] && i+1 < len(toks) && attitudeTopics[toks[i+1].low] {
			ok = true // "were too concerned about this shift", "skeptical of"
		}
		// "Polls show Clinton with a lead": what evidence shows.
		ok = ok || showVerbs[t.low] && i > 0 && evidenceNouns[toks[i-1].low] || afterQuotation(toks, i) || closesSentence(toks, i)
		if strings.HasPrefix(t.low, "view") {
			ok = false // "views that pose a threat": only "viewed X as Y"
		}
		ok = ok || seesAs(toks, i) || supportsWhom(toks, i) || meetsTo(toks, i)
		if !ok {
			return 0, ""
		}
	}
	// A capitalised cue in mid-sentence is a name ("Warns", "Post"), except
	// in a headline, where every word is: "Obama Says Museum Will Tell …".
	if t.upper && i > 0 && !headlineCase(toks) {
		return 0, ""
	}
	return 1, lemma
}

// idiomsBefore are the words before a cue form that make it part of a set
// phrase no one is quoted in: "it's worth noting that", "it goes without
// saying", "let's say", "beyond a reasonable doubt"; idiomsAfter the words
// after one: "the think tank".
var (
	idiomsBefore = map[string]string{"worth": "", "without": "saying", "let's": "say", "let’s": "say", "having": "said",
		"reasonable": "doubt"}
	idiomsAfter = setOf(`tank tanks`)
)

// idiom reports whether the cue form at i is part of a set phrase.
func idiom(toks []token, i int) bool {
	if i+1 < len(toks) && idiomsAfter[toks[i+1].low] {
		return true
	}
	if i == 0 {
		return false
	}
	w, ok := idiomsBefore[toks[i-1].low]
	return ok && (w == "" || w == toks[i].low)
}

// seeVerbs hold a view of something "as" what it is taken for.
var seeVerbs = setOf(`see sees saw view views viewed`)

// seesAs reports whether the verb at i states how its subject sees
// something: "some who saw the comment as a dig", "critics see the
// program as an easy way in"; not "seen by others as", "as well as".
func seesAs(toks []token, i int) bool {
	if !seeVerbs[toks[i].low] || i+1 < len(toks) && toks[i+1].low == "by" {
		return false
	}
	for k := i + 2; k < len(toks) && k <= i+8; k++ {
		if !toks[k].isWord() {
			return false
		}
		if toks[k].low == "as" {
			nx := ""
			if k+1 < len(toks) {
				nx = toks[k+1].low
			}
			return nx != "well" && nx != "much" && nx != "many" && nx != "long" && nx != ""
		}
	}
	return false
}

// goesOn reports whether "went on to" and a cue verb start at i: "Ham
// went on to explain how …", "going on to say that".
func goesOn(toks []token, i int) bool {
	switch toks[i].low {
	case "go", "goes", "went", "going", "gone":
	default:
		return false
	}
	if i+3 >= len(toks) || toks[i+1].low != "on" || toks[i+2].low != "to" {
		return false
	}
	l, ok := cueForms[toks[i+3].low]
	return ok && l == toks[i+3].low // the verb's plain form: "to say", not "to saying"
}

// agentBy reports whether "by" after the cue form at i names an agent
// without a form of "be" before it: "a policy blamed by critics"; not "he
// responded by saying".
func agentBy(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].low != "by" {
		return false
	}
	if passiveAt(toks, i) {
		return false // "was first reported by", "were widely criticized by"
	}
	return i+2 >= len(toks) || !strings.HasSuffix(toks[i+2].low, "ing")
}

// passiveAt reports whether a form of "be" stands before token i, over
// auxiliaries and adverbs: "was first reported", "has never been charged".
func passiveAt(toks []token, i int) bool {
	k := i - 1
	for k > 0 && !beForms[toks[k].low] && (cueModifiers[toks[k].low] || adverb(toks[k])) {
		k--
	}
	return k >= 0 && beForms[toks[k].low]
}

// passiveSenses are cue forms whose passive means something else: "were
// admitted" (let in), "is observed" (kept), "were offered" (given), "must
// be addressed" (dealt with), "has been charged" (accused in court).
var passiveSenses = setOf(`admitted observed offered addressed charged`)

// closesSentence reports whether the cue at i ends the sentence after a
// short source set off by a comma: "…, The Wall Street Journal reports."
func closesSentence(toks []token, i int) bool {
	for k := i + 1; k < len(toks); k++ {
		if toks[k].isWord() || isQuoteMark(toks[k].punct) {
			return false
		}
	}
	for k := i - 1; k > 0 && k >= i-6; k-- {
		if toks[k].punct == ',' {
			first := toks[k+1]
			return k < i-1 && (first.low == "the" || first.upper)
		}
		if !toks[k].isWord() || !toks[k].upper && !nameFillers[toks[k].low] {
			return false // "…, Clinton led Trump by 5 points." names no source
		}
	}
	return false
}

// nameFillers may stand lower-case in the name of a source: "The Wall
// Street Journal", "the Bank of England".
var nameFillers = setOf(`the of a an for`)

// afterQuotation reports whether the cue at i closes a quotation: "“…,”
// she continued", "“…,” the letter reads".
func afterQuotation(toks []token, i int) bool {
	for k := i - 1; k > 0 && k >= i-4; k-- {
		if isQuoteMark(toks[k].punct) {
			return toks[k-1].punct == ',' && k < i-1
		}
		if !toks[k].isWord() {
			return false
		}
	}
	return false
}

// callsLabel reports whether the form of "call" at i gives something a
// label: "X called Y a Z", "Cummings, called him a master at …"; not "a
// group, called the Fund, …", "called in to a show".
func callsLabel(toks []token, i int) bool {
	if cueForms[toks[i].low] != "call" || i == 0 || i+2 >= len(toks) || callParticles[toks[i+1].low] {
		return false
	}
	if toks[i-1].punct == ',' && !isObjectPronoun(toks[i+1].low) {
		return false
	}
	for k := i + 2; k < len(toks) && k <= i+14; k++ {
		if !toks[k].isWord() && !strings.ContainsRune("'’-–—", toks[k].punct) {
			return false
		}
		if toks[k].low == "a" || toks[k].low == "an" {
			return true
		}
	}
	return false
}

// opensQuote reports whether r may open a quotation after a cue: a
// quotation mark or a single opening quote (‘Directly to White People’).
func opensQuote(r rune) bool { return isQuoteMark(r) || r == '‘' }

// speaksOf reports whether the speaking verb at i says what was spoken
// of: "spoke emotionally of", "talked about", "is speaking out", "spoke
// against", or a quotation or a clause; not "spoke to reporters Friday".
func speaksOf(toks []token, i int) bool {
	// "spoke to a gathering of", "spoke at a rally of": "of" names who
	// listened; "spoke to reporters about" still says what was spoken of.
	listeners := i+1 < len(toks) && (toks[i+1].low == "to" || toks[i+1].low == "at" || toks[i+1].low == "for")
	for k := i + 1; k < len(toks) && k <= i+5; k++ {
		w := toks[k].low
		if aboutWords[w] && !(listeners && w == "of") || opensQuote(toks[k].punct) || toks[k].punct == ':' {
			return !(w == "about" && toks[i+1].low == "for") // not "spoke for about five minutes"
		}
	}
	return false
}

// afterAbout returns the token after the word that says what was spoken
// of ("spoke out against", "talked about"), when one comes within a few
// tokens of from, else from.
func (f *sentenceFinder) afterAbout(from int) int {
	for k := from; k < len(f.toks) && k < from+5; k++ {
		if w := f.toks[k].low; aboutWords[w] && w != "that" {
			for k+1 < len(f.toks) && aboutWords[f.toks[k+1].low] && f.toks[k+1].low != "that" {
				k++ // "out against"
			}
			return k + 1
		}
	}
	return from
}

// intends reports whether token i is "plans" stating a named or
// pronominal subject's intention: "Hillary Clinton plans to call on young
// people", "which she plans to do"; not "his plans to", "and plans to".
func intends(toks []token, i int) bool {
	t := toks[i]
	if t.low != "plans" && t.low != "planned" || i == 0 || i+1 >= len(toks) || toks[i+1].low != "to" {
		return false
	}
	prev := toks[i-1]
	return prev.isWord() && (prev.upper && i > 1 || isPronoun(prev.low) || prev.low == "campaign" || prev.low == "administration")
}

// headlineCase reports whether toks read as a headline: at least four words,
// and at least three in four of the words of four letters or more
// capitalised.
func headlineCase(toks []token) bool {
	words, long, caps := 0, 0, 0
	for _, t := range toks {
		if !t.isWord() {
			continue
		}
		words++
		if len(t.low) >= 4 {
			long++
			if t.upper {
				caps++
			}
		}
	}
	return words >= 4 && long >= 3 && 4*caps >= 3*long
}

// clauseSubjects open the clause after "that": a pronoun, an article or a
// possessive, or a name ("that he …", "that the court …", "that Clinton …").
var clauseSubjects = setOf(`he she they it we i you the a an his her their its our my this these those some many
	most every no there`)

// notThatVerbs end in -ed or take "that" without being verbs of holding
// a view: "indeed that", "based that", "used that".
var notThatVerbs = setOf(`need indeed based used led red bed speed seed feed breed shed`)

// thatVerb reports whether the word at i is a verb outside the lexicon
// that takes a clause after "that": "Many people assumed that Mr. Clarke
// had …", "An attorney stressed that his client …". A form in -ed follows
// a word of its subject, not a determiner or a preposition; another form
// follows a pronoun or have ("you assume that", "have understood that").
func thatVerb(toks []token, i int) bool {
	if i == 0 || i+2 >= len(toks) || toks[i+1].low != "that" {
		return false // the cheap test first: cueAt asks for every word
	}
	t, p := toks[i], toks[i-1]
	if t.upper || len(t.low) < 4 || notThatVerbs[t.low] {
		return false
	}
	if strings.HasSuffix(t.low, "ed") {
		if !p.isWord() && p.punct != ',' || determiners[p.low] || introWords[p.low] || p.low == "to" {
			return false
		}
	} else if !isPronoun(p.low) && p.low != "have" && p.low != "has" && p.low != "had" || p.low == "it" {
		return false
	}
	nx := toks[i+2]
	return clauseSubjects[nx.low] || nx.upper && nx.isWord()
}
