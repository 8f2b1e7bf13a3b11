package annotate

import "strings"

var (
	// eventKeywords end the names of events, which are not entities here:
	// "Paris Air Show", "Worldwide Developers Conference", "New Year".
	eventKeywords = setOf(`conference conferences convention summit show expo exhibition fair festival games
		olympics championship championships cup tournament awards award marathon year`)
	// numberedNouns come before a number without making a product:
	// "Air France Flight 447", "Chapter 11", "Terminal 3".
	numberedNouns = setOf(`flight chapter terminal route highway gate article section phase stage level
		round class platform pier runway building`)
	// productNouns name kinds of product; one just before a name makes the
	// name a product's: "web browser Safari", "model Falcon".
	productNouns = setOf(`browser client model models system software app application phone smartphone
		computer laptop tablet player console car sedan vehicle truck jet jetliner airliner aircraft plane
		engine chip processor drug vaccine game version`)
	// marketIndexes are the names of stock market indexes, which are no
	// organisations: "the Dow Jones Industrial Average", "the Nikkei".
	marketIndexes = setOf(`dow nikkei ftse dax cac nasdaq djia kospi sensex stoxx hang topix s&p`)
	// continental demonyms, which the country list leaves out.
	continentalDemonyms = setOf(`european europeans asian asians african africans american americans arab arabs
		latin north south western eastern`)
	// trailingTitles end a run of capitalised words that names an
	// organisation, not a person: "Ryanair CEO".
	trailingTitles = setOf(`ceo cfo coo c.e.o officer chairman chairwoman spokesman spokeswoman spokesperson`)
	compassWords   = setOf(`western eastern northern southern`)
	weekdayNames   = setOf(`monday tuesday wednesday thursday friday saturday sunday`)
)

// productBefore reports a name introduced as a product: after a word for
// a kind of product ("web browser Safari"), after a model number ("the 787
// Dreamliner") or after a brand written in camel case ("iPhone SDK").
func productBefore(text string, toks []token, i int) bool {
	if i == 0 || !toks[i-1].isWord() || toks[i-1].upper {
		return false
	}
	p := toks[i-1]
	if productNouns[p.low] {
		return true
	}
	w := text[p.s:p.e]
	if modelNumber(p.low) && !strings.HasSuffix(w, "00") && (len(w) >= 3 || strings.Trim(w, "0123456789") != "") {
		return true
	}
	return p.e == toks[i].s-1 && len(w) > 2 && strings.ToLower(w) != w && w[0] >= 'a' && w[0] <= 'z'
}

// marketIndex reports the name toks[i:j] of a stock market index, or a
// name that a number and "index" follow ("Standard & Poor's 500 index").
func marketIndex(toks []token, i, j int) bool {
	k := j
	for k < len(toks) && k < j+3 && (toks[k].punct == '\'' || toks[k].punct == '’' || toks[k].low == "s" || toks[k].low != "" && strings.Trim(toks[k].low, "0123456789") == "") {
		k++
	}
	if k > j && k < len(toks) && (toks[k].low == "index" || toks[k].low == "indices" || toks[k].low == "indexes") {
		return true
	}
	for _, t := range toks[i:j] {
		if marketIndexes[trimPossessive(t.low)] || t.low == "index" || t.low == "average" && len(toks) > 1 {
			return true
		}
	}
	return false
}

// isTitle reports a person's title ("president", "gen", "gen.").
func isTitle(w string) bool { return personTitles[w] || personTitles[w+"."] }

// ingWord reports an -ing form, ordinary when it opens a sentence
// ("Speaking to reporters").
func ingWord(w string) bool { return strings.HasSuffix(w, "ing") && len(w) > 5 }

// splitPoint finds where one run of capitalised words holds two names:
// an organisation or place followed by a titled person ("Apple Computer
// CEO Steve Jobs", "Chrysler Chief Executive Robert Nardelli") or by a
// person's first and last name ("Chrysler LLC Jim Press"); person says
// the part from k on is such a first and last name. It returns i when the
// run is one name.
func splitPoint(text string, toks []token, i, j int) (k int, person bool) {
	for k = i + 1; k < j; k++ {
		if !toks[k].isWord() || !toks[k].upper {
			continue
		}
		if isTitle(toks[k].low) && !isTitle(toks[k-1].low) && !roleWords[toks[k-1].low] {
			// a word after the titles, and no organisation in it
			m := k
			for m < j && (isTitle(toks[m].low) || roleWords[toks[m].low] || !toks[m].isWord()) {
				m++
			}
			if m < j && !hasOrgKeyword(toks[m:j]) {
				return k, false
			}
		}
		titled := isTitle(toks[k-1].low) || !toks[k-1].isWord() && k > i+1 && isTitle(toks[k-2].low)
		if n := j - k; (n == 2 || n == 3) && !titled && isFirstName(text[toks[k].s:toks[k].e]) && (n == 2 || !hasOrgKeyword(toks[k:j])) {
			head := text[toks[i].s:toks[k-1].e]
			if hasOrgKeyword(toks[i:k]) || isOutlet(head) || isPlace(head) {
				return k, true
			}
		}
	}
	return i, false
}

// endOfName trims toks[i:j] to the name it holds: a name followed by a
// model number is a product and no entity ("Airbus A380", "Boeing 787");
// a word like "Flight" before a number is left out ("Air France Flight
// 447" names Air France). ok is false when nothing is left.
func endOfName(text string, toks []token, i, j int) (int, bool) {
	num := -1
	for k := i; k < j; k++ {
		if strings.IndexAny(toks[k].low, "0123456789") >= 0 {
			num = k
			break
		}
	}
	if num < 0 && j < len(toks) && toks[j].isWord() && toks[j].s == toks[j-1].e+1 && modelNumber(toks[j].low) {
		num = j
	}
	if num < 0 && j < len(toks) && toks[j].punct == '$' && toks[j].s == toks[j-1].e {
		return j, false // "US$", "HK$": a currency
	}
	if num < 0 {
		return j, true
	}
	if num > i && numberedNouns[toks[num-1].low] {
		return num - 1, num-1 > i
	}
	return num, false
}

// modelNumber reports a word that numbers a model or a flight ("787",
// "A380", "737s"), not a year.
func modelNumber(w string) bool {
	if strings.IndexAny(w, "0123456789") < 0 {
		return false
	}
	if len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == "" {
		return false
	}
	return !strings.ContainsAny(w, ",.")
}

// placePrefix returns the end of the longest place name opening
// toks[i:j] ("United States" in "United States Barack Obama"), or i.
func placePrefix(text string, toks []token, i, j int) int {
	for k := j - 1; k > i; k-- {
		if isPlace(text[toks[i].s:toks[k-1].e]) {
			return k
		}
	}
	return i
}

// personAppositive reports a name followed by ", the ... minister" or
// ", vice chairman of ...": a title within the next few words after a
// comma.
func personAppositive(toks []token, j int) bool {
	if j >= len(toks) || toks[j].punct != ',' {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+4; k++ {
		t := toks[k]
		if !t.isWord() {
			return false
		}
		if isTitle(t.low) && t.low != "leader" && t.low != "manager" && t.low != "chair" {
			return true
		}
	}
	return false
}

// titledBefore reports a name after a title written in lower case
// ("minister Kaoru Yosano") or after a title and a comma ("Japan's prime
// minister, Taro Aso").
func titledBefore(toks []token, i int) bool {
	if i > 0 && isTitle(toks[i-1].low) && !toks[i-1].upper {
		return true
	}
	return i > 1 && toks[i-1].punct == ',' && isTitle(toks[i-2].low)
}

// placeWord reports a country or a city of a million people or more
// ("Ford Australia", "London Heathrow" are no people).
func placeWord(text string, t token) bool {
	p, ok := LookupPlace(text[t.s:t.e])
	return ok && (p.Kind == "country" || p.Population >= 1_000_000)
}

// isPlace reports whether the gazetteer knows name as a place.
func isPlace(name string) bool {
	_, ok := LookupPlace(name)
	return ok
}
