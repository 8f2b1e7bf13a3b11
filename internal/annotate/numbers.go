package annotate

import (
	"regexp"
	"strconv"
	"strings"
)

// Quantity is a number written in the text with what it counts: "about
// 3,000 to 2,500" troops, "three Americans", "$15 billion".
type Quantity struct {
	Start, End int
	Text       string
	Value      float64 // the (first) number
	To         float64 `json:",omitempty"` // the second number of a range or change
	Approx     bool    `json:",omitempty"` // "about", "nearly", "more than"
	// Bound is what the qualifier makes of the number: "min" (at least,
	// more than, over), "max" (up to, fewer than, less than, nearly,
	// almost, only), "about" (about, around, some), or "" (as stated).
	Bound string `json:",omitempty"`
	Unit  string `json:",omitempty"` // what it counts: "troops", "dollars", "percent"
}

var (
	numWord = `(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|dozens|hundreds|thousands)`
	scale   = `(?:\s(?:hundred|thousand|million|billion|trillion|bn|m))?`
	quantRe = regexp.MustCompile(`(?i)((?:about|around|approximately|nearly|almost|some|roughly|more than|over|at least|up to|fewer than|less than|only)\s)?` +
		`(\$|£|€)?(` + numWord + `)` + scale +
		`(?:\s(?:to|and|-|–)\s(\$|£|€)?(` + numWord + `)` + scale + `)?` +
		`(%|\s(?:percent|per cent))?` +
		`(?:\s((?:[a-z][a-z-]+\s)?[a-z][a-z-]+))?`)
	unitSkip = setOf(`of the a an and or to in on at by for from with as than that which who is was were are be
		been has have had will would could years year days day months month weeks week hours hour minutes p.m a.m`)
	unitAdjectives = setOf(`us u.s. u.s uk senior junior defense defence diplomatic military former top local foreign
		other more new additional american british iraqi iranian`)
	smallNumbers = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
		"hundred": 100, "a hundred": 100, "dozens": 24, "hundreds": 200, "thousands": 2000}
)

// FindQuantities finds the counted numbers of a text. Years, times of day
// and dates are left to the time expressions (pass their spans in skip).
func FindQuantities(text string, skip []Timex) []Quantity {
	return findQuantities(wordsOf(text), skip)
}

// quantPattern runs quantRe around numbers and number words.
var quantPattern = keyed(quantRe, "# one two three four five six seven eight nine ten eleven twelve thirteen fourteen "+
	"fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "+
	"dozens hundreds thousands", 4, 12)

func findQuantities(w *wordSpans, skip []Timex) []Quantity {
	text := w.text
	var out []Quantity
	for _, m := range w.findAll(quantPattern) {
		s, e := m[0], m[1]
		if s > 0 && (isWordByte(text[s-1]) || text[s-1] == '-') {
			continue
		}
		overlaps := false
		for _, t := range skip {
			if s < t.End && t.Start < e && (m[6] >= t.Start && m[6] < t.End) {
				overlaps = true
				break
			}
		}
		if overlaps {
			continue
		}
		q := Quantity{Approx: m[2] >= 0}
		if m[2] >= 0 {
			q.Bound = boundOf(text[m[2]:m[3]])
		}
		q.Value = parseNumber(text[m[6]:m[7]], scaleAfter(text, m[7]))
		if m[10] >= 0 {
			q.To = parseNumber(text[m[10]:m[11]], scaleAfter(text, m[11]))
		}
		numEnd := e
		if m[14] >= 0 {
			numEnd = m[14]
			unit := strings.Fields(text[m[14]:m[15]])
			if len(unit) > 1 && (unitAdjectives[strings.ToLower(unit[0])] || isDemonym(unit[0])) {
				unit = unit[1:]
			}
			if len(unit) > 0 && unitSkip[strings.ToLower(unit[0])] {
				unit = nil
			}
			if len(unit) > 0 {
				q.Unit = strings.ToLower(unit[0])
				numEnd = m[14] + strings.Index(text[m[14]:m[15]], unit[0]) + len(unit[0])
			}
		}
		switch {
		case m[12] >= 0:
			q.Unit = "percent"
		case m[4] >= 0:
			q.Unit = currency(text[m[4]:m[5]])
		}
		// A bare four-digit number is a year, a bare small digit is noise.
		raw := text[m[6]:m[7]]
		if q.Unit == "" && (len(raw) == 4 && raw[0] != '0' && !strings.Contains(raw, ",") || len(raw) == 1) {
			continue
		}
		if q.Unit == "" && m[10] < 0 {
			continue
		}
		q.Start, q.End = s, strings.LastIndexFunc(text[:numEnd], func(r rune) bool { return r != ' ' })+1
		q.Text = text[q.Start:q.End]
		out = append(out, q)
	}
	return out
}

// boundOf is the kind of limit a qualifier sets on a number.
func boundOf(qualifier string) string {
	switch strings.ToLower(strings.TrimSpace(qualifier)) {
	case "at least", "more than", "over":
		return "min"
	case "up to", "fewer than", "less than", "nearly", "almost", "only":
		return "max"
	}
	return "about"
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func currency(sym string) string {
	switch sym {
	case "$":
		return "dollars"
	case "£":
		return "pounds"
	case "€":
		return "euros"
	}
	return ""
}

// scaleAfter reads "million" or "billion" right after a number.
func scaleAfter(text string, at int) float64 {
	rest := strings.ToLower(text[at:min(len(text), at+10)])
	for _, sc := range []struct {
		w string
		v float64
	}{{" trillion", 1e12}, {" billion", 1e9}, {" bn", 1e9}, {" million", 1e6}, {" m", 1e6}, {" thousand", 1e3}, {" hundred", 100}} {
		if strings.HasPrefix(rest, sc.w) {
			return sc.v
		}
	}
	return 1
}

func parseNumber(s string, mult float64) float64 {
	s = strings.ToLower(s)
	if v, ok := smallNumbers[s]; ok {
		return v * mult
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		return 0
	}
	return v * mult
}
