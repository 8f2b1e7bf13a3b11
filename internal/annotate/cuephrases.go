package annotate

import "strings"

// Multi-word cues, and the words around a cue form that make it one.

// phraseCues are matched on lower-cased words: verbs with their particle
// ("pointed out", "weighed in"), phrases of stance ("took aim at", "made
// no secret of") and set phrases ("according to", "in a statement").
var phraseCues = [][]string{
	{"according", "to"}, {"pointed", "out"}, {"points", "out"}, {"point", "out"}, {"went", "on", "to", "say"},
	{"called", "for"}, {"calls", "for"}, {"call", "for"}, {"calling", "for"}, {"called", "on"}, {"calls", "on"}, {"calling", "on"},
	{"made", "clear"}, {"makes", "clear"}, {"in", "a", "statement"},
	{"laid", "out"}, {"lays", "out"}, {"lay", "out"}, {"laying", "out"}, {"put", "it"}, {"puts", "it"},
	{"weighed", "in"}, {"weighs", "in"}, {"weigh", "in"}, {"railed", "against"}, {"rails", "against"},
	{"made", "the", "case"}, {"makes", "the", "case"}, {"making", "the", "case"}, {"make", "the", "case"},
	{"made", "it", "clear"}, {"makes", "it", "clear"}, {"make", "it", "clear"}, {"took", "aim", "at"}, {"takes", "aim", "at"},
	{"took", "issue", "with"}, {"takes", "issue", "with"}, {"fired", "back"}, {"fires", "back"}, {"hit", "back"}, {"hits", "back"},
	{"pushed", "back"}, {"pushes", "back"}, {"chimed", "in"}, {"chimes", "in"},
	{"go", "after"}, {"goes", "after"}, {"went", "after"}, {"gone", "after"}, {"going", "after"},
	{"shed", "light", "on"}, {"sheds", "light", "on"}, {"shedding", "light", "on"}, {"make", "fun", "of"},
	{"makes", "fun", "of"}, {"made", "fun", "of"}, {"making", "fun", "of"}, {"poke", "fun", "at"},
	{"pokes", "fun", "at"}, {"poked", "fun", "at"}, {"poking", "fun", "at"}, {"take", "heat", "for"},
	{"takes", "heat", "for"}, {"took", "heat", "for"}, {"taken", "heat", "for"}, {"taking", "heat", "for"},
	{"draw", "a", "contrast"}, {"draws", "a", "contrast"}, {"drew", "a", "contrast"},
	{"drawn", "a", "contrast"}, {"drawing", "a", "contrast"}, {"cast", "doubt", "on"},
	{"casts", "doubt", "on"}, {"casting", "doubt", "on"}, {"sound", "the", "alarm"},
	{"sounds", "the", "alarm"}, {"sounded", "the", "alarm"}, {"sounding", "the", "alarm"}, {"critical", "of"}, {"took", "offense"},
	{"takes", "offense"}, {"doubled", "down"}, {"doubles", "down"}, {"doubling", "down"}, {"bristled", "at"}, {"bristles", "at"},
	{"stop", "short", "of"}, {"stops", "short", "of"}, {"stopped", "short", "of"}, {"stopping", "short", "of"},
	{"make", "no", "secret", "of"}, {"make", "little", "secret", "of"}, {"makes", "no", "secret", "of"},
	{"makes", "little", "secret", "of"}, {"made", "no", "secret", "of"}, {"made", "little", "secret", "of"},
	{"making", "no", "secret", "of"}, {"making", "little", "secret", "of"}, {"back", "off"}, {"backs", "off"},
	{"backed", "off"}, {"backing", "off"}, {"pay", "tribute", "to"}, {"pays", "tribute", "to"},
	{"paid", "tribute", "to"}, {"paying", "tribute", "to"},
}

// pollChoices are what a share of those polled do: "46 percent would
// choose Clinton", "5 percent prefer Johnson".
var pollChoices = setOf(`choose chose back backed prefer preferred favor favored favour favoured`)

// pollChoice reports whether token i is a poll choice after "percent", or
// after "percent would".
func pollChoice(toks []token, i int) bool {
	return pollChoices[toks[i].low] && percentBefore(toks, i) >= 0
}

// percentBefore returns the index of the "percent" or "%" right before
// token i, or before "would" there; else -1.
func percentBefore(toks []token, i int) int {
	k := i - 1
	if k > 0 && toks[k].low == "would" {
		k--
	}
	if k < 0 || toks[k].low != "percent" && toks[k].punct != '%' {
		return -1
	}
	return k
}

// supportsWhom reports whether "support" at token i is a verb that takes
// whom or what is backed: "China and Russia support the government",
// "1 percent support the Green Party's Jill Stein".
func supportsWhom(toks []token, i int) bool {
	if !strings.HasPrefix(toks[i].low, "support") || i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	return determiners[n.low] || n.upper || n.low == "him" || n.low == "her" || n.low == "them"
}
