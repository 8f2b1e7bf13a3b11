package annotate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The rules of time expressions: each a pattern, the words one of which
// every match holds, and how a match resolves against the anchor.

const (
	monthNames = `(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`
	dayNames   = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
	numWords   = `(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few)`
	unitWords  = `(?:day|week|month|year|decade|century|hour|minute)s?`
	// monthKeys are the words of monthNames, keys of the patterns that hold it.
	monthKeys = "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december"
)

// timexRule is one family of expressions: a pattern and how to resolve it.
type timexRule struct {
	re      *regexp.Regexp
	typ     string
	resolve func(m []string, anchor time.Time, ctx string) (value string, ok bool)
	// span is the submatch that is the expression when the pattern also
	// matches context after it (0: the whole match).
	span int
	// keys are words one of which every match contains ("#": a number).
	keys string
}

var (
	numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}
	// futureCue before a month or weekday makes it the next one, not the
	// last: "will meet on Friday", "expected to last until mid-January".
	futureCue = regexp.MustCompile(`(?i)\b(?:will|would|must|'ll|is to|are to|plans? to|should be|scheduled|expected|is due|are due|set to|upcoming|until)\b`)
)

var timexRules = []timexRule{
	// 2020-12-02
	{regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}, 0, "#"},
	// December 2, 2020 · Dec. 2 , 2020 · 2 December 2020
	{regexp.MustCompile(`(?i)\b(` + monthNames + `)\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		return ymd(atoi(m[3]), month(m[1]), atoi(m[2]))
	}, 0, monthKeys},
	{regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthNames + `),?\s+(\d{4})\b`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		return ymd(atoi(m[3]), month(m[2]), atoi(m[1]))
	}, 0, monthKeys},
	// the third quarter (of 2009)
	{regexp.MustCompile(`(?i)\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)[\s-]+quarter(?:\s+of\s+(\d{4}|last year|this year|next year))?\b`), "DATE", func(m []string, a time.Time, ctx string) (string, bool) {
		which := strings.ToLower(m[1])
		q := map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}[which]
		y := a.Year()
		cur := (int(a.Month())-1)/3 + 1
		switch year := strings.ToLower(m[2]); {
		case len(year) == 4 && year[0] >= '0' && year[0] <= '9':
			y = atoi(year)
		case a.IsZero():
			if q == 0 {
				return "", false
			}
			return fmt.Sprintf("XXXX-Q%d", q), true
		case year == "last year":
			y--
		case year == "next year":
			y++
		case year == "this year":
		case which == "last": // the quarter before the current one
			q = cur - 1
			if q == 0 {
				q, y = 4, y-1
			}
		case q > cur && !futureCue.MatchString(ctx): // reported results look back
			y--
		}
		return fmt.Sprintf("%04d-Q%d", y, q), true
	}, 0, "quarter"},
	// December 2019 · May of 2019 · early June 2009
	{regexp.MustCompile(`(?i)\b(?:(?:early|mid|late|the end of|the beginning of)[\s-]+)?(` + monthNames + `)\s+(?:of\s+)?(\d{4})\b`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		mo := month(m[1])
		return fmt.Sprintf("%04d-%02d", atoi(m[2]), mo), mo > 0
	}, 0, monthKeys},
	// Jan. 3 · January 3rd · the 3rd of January
	{regexp.MustCompile(`(?i)\b(` + monthNames + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b`), "DATE", func(m []string, a time.Time, _ string) (string, bool) {
		return nearestDay(a, month(m[1]), atoi(m[2]))
	}, 0, monthKeys},
	{regexp.MustCompile(`(?i)\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(` + monthNames + `)\b`), "DATE", func(m []string, a time.Time, _ string) (string, bool) {
		return nearestDay(a, month(m[2]), atoi(m[1]))
	}, 0, monthKeys},
	// yesterday, today, tomorrow, tonight, this morning
	{regexp.MustCompile(`(?i)\b(yesterday|today|tomorrow|tonight|this morning|this afternoon|this evening)\b`), "DATE", func(m []string, a time.Time, _ string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		switch strings.ToLower(m[1]) {
		case "yesterday":
			return a.AddDate(0, 0, -1).Format("2006-01-02"), true
		case "tomorrow":
			return a.AddDate(0, 0, 1).Format("2006-01-02"), true
		case "tonight":
			return a.Format("2006-01-02") + "TNI", true
		case "this morning":
			return a.Format("2006-01-02") + "TMO", true
		case "this afternoon":
			return a.Format("2006-01-02") + "TAF", true
		case "this evening":
			return a.Format("2006-01-02") + "TEV", true
		}
		return a.Format("2006-01-02"), true
	}, 0, "yesterday today tomorrow tonight morning afternoon evening"},
	// last week, this month, next year, earlier this year, later this month
	{regexp.MustCompile(`(?i)\b(?:(?:earlier|later)\s+)?(last|this|next|past|coming|previous)\s+(week|month|year|weekend|summer|winter|spring|autumn|fall)\b`), "DATE", func(m []string, a time.Time, _ string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		off := map[string]int{"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[strings.ToLower(m[1])]
		switch unit := strings.ToLower(m[2]); unit {
		case "week":
			return week(a.AddDate(0, 0, 7*off)), true
		case "weekend":
			return week(a.AddDate(0, 0, 7*off)) + "-WE", true
		case "month":
			return firstOfMonth(a).AddDate(0, off, 0).Format("2006-01"), true
		case "year":
			return strconv.Itoa(a.Year() + off), true
		default:
			season := map[string]string{"summer": "SU", "winter": "WI", "spring": "SP", "autumn": "FA", "fall": "FA"}[unit]
			return fmt.Sprintf("%04d-%s", a.Year()+off, season), true
		}
	}, 0, "week month year weekend summer winter spring autumn fall"},
	// the past nine days, the next two years: a stretch up to or from now
	{regexp.MustCompile(`(?i)\b(?:the\s+)?(?:past|last|next|previous|coming)\s+(` + numWords + `)\s+(day|week|month|year)s?\b`), "DURATION", func(m []string, _ time.Time, _ string) (string, bool) {
		n, ok := count(m[1])
		if !ok {
			return "", false
		}
		return fmt.Sprintf("P%d%s", n, strings.ToUpper(m[2][:1])), true
	}, 0, "day days week weeks month months year years"},
	{regexp.MustCompile(`(?i)\b(?:single|one)-day\b`), "DURATION", func(_ []string, _ time.Time, _ string) (string, bool) {
		return "P1D", true
	}, 0, "day"},
	// the past decade: the decade of the anchor
	{regexp.MustCompile(`(?i)\b(?:the\s+)?(?:past|last)\s+decade\b`), "DATE", func(_ []string, a time.Time, _ string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		return strconv.Itoa((a.Year() - 1) / 10), true
	}, 0, "decade"},
	// spring, in the summer, this winter ("fall" is too often the verb)
	{regexp.MustCompile(`(?i)\b(?:(?:in|during)\s+)?(?:the\s+)?(spring|summer|autumn|winter)\b`), "DATE", func(m []string, a time.Time, _ string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		season := map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "winter": "WI"}[strings.ToLower(m[1])]
		return fmt.Sprintf("%04d-%s", a.Year(), season), true
	}, 0, "spring summer autumn winter"},
	// the beginning of the year, the end of this year
	{regexp.MustCompile(`(?i)\b(?:the\s+)?(?:(?:beginning|start|end|rest|middle)\s+of\s+(?:the|this)\s+year|(?:entire|whole)\s+year)\b`), "DATE", func(_ []string, a time.Time, ctx string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		// "a loss in the fourth quarter of 2005 and for the entire year"
		return strconv.Itoa(yearInContext(ctx, a)), true
	}, 0, "year"},
	// the weekend
	{regexp.MustCompile(`(?i)\bthe\s+weekend\b`), "DATE", func(_ []string, a time.Time, _ string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		return week(a) + "-WE", true
	}, 0, "weekend"},
	// the day, that day, the same day: the day last named, else the anchor
	// (resolved in FindTimexes, which knows what came before)
	{regexp.MustCompile(`(?i)\b(?:(?:late|early)\s+in\s+)?(?:the\s+start\s+of\s+)?(?:(?:the|that|the\s+same)\s+day|that\s+time)\b`), "DATE", func(_ []string, _ time.Time, _ string) (string, bool) {
		return sameDay, true
	}, 0, "day time"},
	// three days ago, two weeks ago
	{regexp.MustCompile(`(?i)\b(` + numWords + `)\s+(day|week|month|year)s?\s+(ago|earlier|later|from now)\b`), "DATE", func(m []string, a time.Time, _ string) (string, bool) {
		n, ok := count(m[1])
		if !ok || a.IsZero() {
			return "", false
		}
		if d := strings.ToLower(m[3]); d == "ago" || d == "earlier" {
			n = -n
		}
		switch strings.ToLower(m[2]) {
		case "day":
			return a.AddDate(0, 0, n).Format("2006-01-02"), true
		case "week": // "a week ago" is a day, seven before
			return a.AddDate(0, 0, 7*n).Format("2006-01-02"), true
		case "month":
			return firstOfMonth(a).AddDate(0, n, 0).Format("2006-01"), true
		}
		return strconv.Itoa(a.Year() + n), true
	}, 0, "ago earlier later now"},
	// on Tuesday, last Friday, next Monday
	{regexp.MustCompile(`(?i)\b(?:(last|next|this|on|early|late)\s+)?(` + dayNames + `)\b`), "DATE", func(m []string, a time.Time, ctx string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		wd := weekday(m[2])
		diff := int(wd) - int(a.Weekday())
		switch mod := strings.ToLower(m[1]); {
		case mod == "next" || (mod != "last" && futureCue.MatchString(ctx[max(0, len(ctx)-30):])):
			if diff <= 0 {
				diff += 7
			}
		default:
			if diff > 0 {
				diff -= 7
			}
		}
		return a.AddDate(0, 0, diff).Format("2006-01-02"), true
	}, 0, "monday tuesday wednesday thursday friday saturday sunday"},
	// October of next year, March last year: the month (the year is an
	// expression of its own)
	{regexp.MustCompile(`(?i)\b(` + monthNames + `)\s+(?:of\s+)?(next|last|this)\s+year\b`), "DATE", func(m []string, a time.Time, _ string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		y := a.Year() + map[string]int{"next": 1, "last": -1}[strings.ToLower(m[2])]
		return fmt.Sprintf("%04d-%02d", y, month(m[1])), true
	}, 1, monthKeys},
	// in March, mid-January, early June, last May (a month without a day or
	// year); "May" alone is the verb far more often than the month.
	{regexp.MustCompile(`\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)[\s-]+)?(January|February|March|April|June|July|August|September|October|November|December)\b|\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Ee]arly|[Mm]id|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)[\s-]+(May)\b`), "DATE", func(m []string, a time.Time, ctx string) (string, bool) {
		name := m[1]
		if name == "" {
			name = m[2]
		}
		mo := month(name)
		if a.IsZero() {
			return fmt.Sprintf("XXXX-%02d", mo), true
		}
		lower := strings.ToLower(m[0])
		y := a.Year()
		switch {
		case strings.HasPrefix(lower, "last"):
			if mo >= int(a.Month()) {
				y--
			}
		case strings.HasPrefix(lower, "next") || futureCue.MatchString(ctx) || strings.HasSuffix(strings.TrimSpace(ctx), " by"):
			if mo < int(a.Month()) {
				y++
			}
		default: // news looks back: the latest such month up to the anchor's
			if mo > int(a.Month()) {
				y--
			}
		}
		return fmt.Sprintf("%04d-%02d", y, mo), true
	}, 0, "january february march april may june july august september october november december"},
	// 11 December (a day and month without a year)
	{regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\b`), "DATE", func(m []string, a time.Time, _ string) (string, bool) {
		if strings.EqualFold(m[2], "may") || strings.EqualFold(m[2], "mar") {
			return "", false
		}
		return nearestDay(a, month(m[2]), atoi(m[1]))
	}, 0, monthKeys},
	// 7/8/07, 12/02/2020 (month first, as in US news)
	{regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		y := atoi(m[3])
		if len(m[3]) == 2 {
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
		return ymd(y, atoi(m[1]), atoi(m[2]))
	}, 0, "#"},
	// the previous year, a year earlier: before the year the sentence has
	// named ("costs fell last year, $19.8 billion less than the year
	// previous"), else before the anchor's
	{regexp.MustCompile(`(?i)\b(?:the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+(?:before|previous|earlier)|a\s+year\s+(?:earlier|before))\b`), "DATE", func(_ []string, a time.Time, ctx string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		return strconv.Itoa(yearInContext(ctx, a) - 1), true
	}, 0, "year"},
	// the same month a year ago, the same period last year: the month the
	// sentence has named ("rose in February compared to the same period
	// last year"), a year before
	{regexp.MustCompile(`(?i)\bthe\s+same\s+(month|period|quarter)\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|of\s+(?:the\s+)?(?:last|previous|prior)\s+year)\b`), "DATE", func(m []string, a time.Time, ctx string) (string, bool) {
		if a.IsZero() {
			return "", false
		}
		mo := 0
		if ms := monthWordRe.FindAllString(ctx, -1); len(ms) > 0 {
			mo = month(ms[len(ms)-1])
		} else if strings.EqualFold(m[1], "month") {
			mo = int(a.Month())
		}
		if mo == 0 {
			return strconv.Itoa(a.Year() - 1), true
		}
		y := a.Year()
		if mo > int(a.Month()) {
			y--
		}
		return fmt.Sprintf("%04d-%02d", y-1, mo), true
	}, 0, "same"},
	// the '70s, '82
	{regexp.MustCompile(`(?:\b|')([1-9])0s\b`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		return "19" + m[1], true
	}, 0, "#"},
	{regexp.MustCompile(`\B'([1-9]\d)\b`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		return "19" + m[1], true
	}, 0, "#"},
	// now, currently, recently, the future
	{regexp.MustCompile(`(?i)\b(now|currently|current|at present|ongoing|for the time being|the time being|recently|recent|in the past|the past|formerly|in the future|the future|later|soon|very soon|the near term|the long term|the short term|near-term|long-term|short-term)\b`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		switch strings.ToLower(m[1]) {
		case "recently", "recent", "in the past", "the past", "formerly":
			return "PAST_REF", true
		case "in the future", "the future", "later", "soon", "very soon", "the near term", "the long term", "the short term", "near-term", "long-term", "short-term":
			return "FUTURE_REF", true
		}
		return "PRESENT_REF", true
	}, 0, "now currently current present ongoing being recently recent past formerly future later soon term"},
	// the 1990s
	{regexp.MustCompile(`\b(?:the\s+)?(1[89]\d|20\d)0s\b`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		return m[1], true
	}, 0, "#"},
	// in 2009 · 2009's · since 1987 — a year not followed by a unit or more digits
	{regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b(?:[^\d%,.\p{L}]|[,.](?:\s|$)|$)`), "DATE", func(m []string, _ time.Time, _ string) (string, bool) {
		return m[1], true
	}, 1, "#"},
	// durations: two years, 90 days, six months
	{regexp.MustCompile(`(?i)\b(` + numWords + `)[\s-]+(` + unitWords + `)\b`), "DURATION", func(m []string, _ time.Time, _ string) (string, bool) {
		n, ok := count(m[1])
		if !ok {
			return "", false
		}
		unit := strings.TrimSuffix(strings.ToLower(m[2]), "s")
		code := map[string]string{"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "hour": "H", "minute": "M"}[unit]
		if unit == "hour" || unit == "minute" {
			return fmt.Sprintf("PT%d%s", n, code), true
		}
		if unit == "decade" {
			return fmt.Sprintf("P%dY", 10*n), true
		}
		return fmt.Sprintf("P%d%s", n, code), true
	}, 0, "day days week weeks month months year years decade decades century centurys hour hours minute minutes"},
	// 3 p.m., 10:30 a.m.
	{regexp.MustCompile(`(?i)\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?`), "TIME", func(m []string, a time.Time, _ string) (string, bool) {
		h := atoi(m[1]) % 12
		if strings.ToLower(m[3]) == "p" {
			h += 12
		}
		day := "XXXX-XX-XX"
		if !a.IsZero() {
			day = a.Format("2006-01-02")
		}
		return fmt.Sprintf("%sT%02d:%02d", day, h, atoi(m[2])), true
	}, 0, "#"},
}

// timexPatterns are the rules' patterns run around their key words.
var timexPatterns = func() []keyedPattern {
	out := make([]keyedPattern, len(timexRules))
	for i, r := range timexRules {
		out[i] = keyed(r.re, r.keys, 8, 8)
	}
	return out
}()

// sameDay marks "the day" until FindTimexes resolves it.
const sameDay = "SAME_DAY"

var (
	yearWordRe  = regexp.MustCompile(`(?i)\b(?:(1[89]\d\d|20\d\d)|(last|this|next)\s+year)\b`)
	monthWordRe = regexp.MustCompile(`\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b`)
)

// yearInContext is the year the sentence so far has named last: a year in
// digits, or last, this or next year; else the anchor's.
func yearInContext(ctx string, a time.Time) int {
	ms := yearWordRe.FindAllStringSubmatch(ctx, -1)
	if len(ms) == 0 {
		return a.Year()
	}
	m := ms[len(ms)-1]
	if m[1] != "" {
		return atoi(m[1])
	}
	return a.Year() + map[string]int{"last": -1, "next": 1}[strings.ToLower(m[2])]
}
