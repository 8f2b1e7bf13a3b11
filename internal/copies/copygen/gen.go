// Package copygen makes a labelled copy-detection set from real articles:
// exact copies, copies with boilerplate, truncated copies, partial reprints
// inside other stories, shuffled and lightly edited copies, spun
// paraphrases, and same-topic mashups that are not copies. The ground truth
// is kept with every generated document, and Score measures a detector's
// results against it.
package copygen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/copies"
)

// Kinds of generated documents.
const (
	KindOriginal    = "original"
	KindExact       = "exact"       // same words, other spacing, case and quotes
	KindBoilerplate = "boilerplate" // verbatim plus a header and footer
	KindTruncated   = "truncated"   // the first part only
	KindReprint     = "reprint"     // some paragraphs inside another story
	KindEdited      = "edited"      // paragraphs shuffled, a few words changed
	KindParaphrase  = "paraphrase"  // sentences reordered, many words replaced
	KindMashup      = "mashup"      // single sentences from several same-topic stories: not a copy
)

// Kinds lists the generated kinds in report order.
var Kinds = []string{KindExact, KindBoilerplate, KindTruncated, KindReprint, KindEdited, KindParaphrase, KindMashup}

// Doc is one document of the set with its ground truth.
type Doc struct {
	copies.Doc
	Kind   string // KindOriginal or a generated kind
	Source string // the original it copies; "" for originals and mashups
	Topic  string
}

// Article is an input article: an id, a topic label (a section, or "" when
// unknown) and its text.
type Article struct {
	ID, Topic, Text string
}

// Generate builds the set: every article in originals stays as an original,
// and each generated kind is made from n randomly chosen originals. hosts
// are other articles, never in the set themselves, that reprints are set
// into; a host that shares passages with any original (real corpora repeat
// stories) is left out, so that a reprint copies only its source. The same
// seed gives the same set.
func Generate(originals, hosts []Article, n int, seed uint64) []Doc {
	hosts = unrelatedHosts(originals, hosts)
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var set []Doc
	for i, a := range originals {
		set = append(set, Doc{Doc: copies.Doc{ID: a.ID, Published: t0.Add(time.Duration(i) * time.Minute), Text: a.Text}, Kind: KindOriginal, Topic: a.Topic})
	}
	later := t0.Add(time.Duration(len(originals)+1) * time.Minute)
	r.Shuffle(len(hosts), func(i, j int) { hosts[i], hosts[j] = hosts[j], hosts[i] })
	nextHost := 0 // each host once while they last: two reprints in one host copy each other
	for _, kind := range Kinds {
		for i := 0; i < n; i++ {
			src := originals[r.IntN(len(originals))]
			d := Doc{Kind: kind, Source: src.ID, Topic: src.Topic}
			switch kind {
			case KindExact:
				d.Text = respace(src.Text)
			case KindBoilerplate:
				d.Text = boilerplate(r, src.Text)
			case KindTruncated:
				d.Text = truncate(r, src.Text)
			case KindReprint:
				d.Text = reprint(r, src.Text, hosts[nextHost%len(hosts)].Text)
				nextHost++
			case KindEdited:
				d.Text = edit(r, src.Text)
			case KindParaphrase:
				d.Text = spin(r, src.Text)
			case KindMashup:
				d.Text, d.Source = mashup(r, originals, src.Topic), ""
			}
			d.ID = fmt.Sprintf("gen-%s-%04d", kind, i)
			d.Published = later.Add(time.Duration(len(set)) * time.Minute)
			set = append(set, d)
		}
	}
	return set
}

func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func respace(text string) string {
	s := strings.ReplaceAll(text, "\n", "\n\n")
	s = strings.ReplaceAll(s, ". ", ".  ")
	s = strings.NewReplacer(`"`, "“", "'", "’").Replace(s)
	return strings.ToUpper(s[:min(len(s), 1)]) + s[min(len(s), 1):]
}

var headers = []string{
	"By Staff Writer | Updated 10:32 a.m.",
	"From our wire partners",
	"ADVERTISEMENT",
	"Share this article: Facebook Twitter Email",
}

var footers = []string{
	"Sign up for our morning newsletter to get the day's top stories in your inbox.",
	"Copyright 2024 Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
	"Follow us on Twitter and Facebook for the latest updates.",
	"Have a news tip? Contact our newsroom.",
}

func boilerplate(r *rand.Rand, text string) string {
	return headers[r.IntN(len(headers))] + "\n\n" + text + "\n\n" + footers[r.IntN(len(footers))] + "\n" + footers[r.IntN(len(footers))]
}

// truncate keeps the first 40–70 % of the paragraphs (or of the words, for a
// one-paragraph text).
func truncate(r *rand.Rand, text string) string {
	ps := paragraphs(text)
	share := 0.4 + 0.3*r.Float64()
	if len(ps) >= 3 {
		return strings.Join(ps[:max(1, int(float64(len(ps))*share))], "\n")
	}
	ws := strings.Fields(text)
	return strings.Join(ws[:max(1, int(float64(len(ws))*share))], " ")
}

// reprint sets a run of consecutive paragraphs holding at least 60 % of the
// words of text into the middle of host: the original largely contained in
// a longer story.
func reprint(r *rand.Rand, text, host string) string {
	ps := paragraphs(text)
	total := len(strings.Fields(text))
	start := r.IntN(len(ps))
	end, n := start, 0
	for float64(n) < 0.6*float64(total) {
		if end < len(ps) {
			n += len(strings.Fields(ps[end]))
			end++
		} else {
			start--
			n += len(strings.Fields(ps[start]))
		}
	}
	hp := paragraphs(host)
	mid := len(hp) / 2
	out := append(append(append([]string{}, hp[:mid]...), ps[start:end]...), hp[mid:]...)
	return strings.Join(out, "\n")
}

// edit shuffles the paragraphs and changes about one word in twenty.
func edit(r *rand.Rand, text string) string {
	ps := paragraphs(text)
	r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	for i, p := range ps {
		ws := strings.Fields(p)
		for j := range ws {
			if r.IntN(20) == 0 {
				ws[j] = replacement(r, ws[j])
			}
		}
		ps[i] = strings.Join(ws, " ")
	}
	return strings.Join(ps, "\n")
}

// spin rewrites like an article spinner: sentences reordered within each
// paragraph and about three words in ten replaced.
func spin(r *rand.Rand, text string) string {
	ps := paragraphs(text)
	for i, p := range ps {
		ss := strings.SplitAfter(p, ". ")
		r.Shuffle(len(ss), func(a, b int) { ss[a], ss[b] = ss[b], ss[a] })
		ws := strings.Fields(strings.Join(ss, " "))
		for j := range ws {
			if r.IntN(10) < 3 {
				ws[j] = replacement(r, ws[j])
			}
		}
		ps[i] = strings.Join(ws, " ")
	}
	return strings.Join(ps, "\n")
}

// synonyms is a small spinner's table; words without an entry get a filler.
var synonyms = map[string][]string{
	"said": {"stated", "declared", "noted"}, "says": {"states", "notes"}, "rose": {"climbed", "increased"},
	"fell": {"dropped", "declined"}, "company": {"firm", "group"}, "government": {"administration", "authorities"},
	"year": {"twelvemonth"}, "market": {"marketplace", "exchange"}, "shares": {"stocks", "equities"},
	"increase": {"rise", "gain"}, "expected": {"anticipated", "forecast"}, "officials": {"authorities", "representatives"},
	"big": {"large", "huge"}, "new": {"fresh", "novel"}, "plan": {"scheme", "proposal"}, "help": {"aid", "assist"},
	"buy": {"purchase", "acquire"}, "sell": {"vend", "offload"}, "profit": {"earnings", "gain"}, "loss": {"deficit"},
}

var fillers = []string{"notably", "reportedly", "largely", "broadly", "apparently", "considerably", "markedly"}

func replacement(r *rand.Rand, w string) string {
	if s, ok := synonyms[strings.ToLower(strings.Trim(w, ".,;:\"'"))]; ok {
		return s[r.IntN(len(s))]
	}
	return fillers[r.IntN(len(fillers))]
}

// mashup takes one sentence of 8 to 40 words from each of four different
// originals on the same topic, none of them a text of fewer than eight
// sentences: related material, but no copy of any one of them. The topic is
// that of the first original tried that makes a full mashup.
func mashup(r *rand.Rand, originals []Article, topic string) string {
	for {
		var out []string
		used := map[string]bool{}
		for tries := 0; len(out) < 4 && tries < 2000; tries++ {
			a := originals[r.IntN(len(originals))]
			if a.Topic != topic || used[a.ID] {
				continue
			}
			ss := strings.SplitAfter(strings.ReplaceAll(a.Text, "\n", " "), ". ")
			if len(ss) < 8 {
				continue
			}
			if s := strings.TrimSpace(ss[r.IntN(len(ss))]); len(strings.Fields(s)) >= 8 && len(strings.Fields(s)) <= 40 {
				out = append(out, s)
				used[a.ID] = true
			}
		}
		if len(out) == 4 {
			return strings.Join(out, " ")
		}
		topic = originals[r.IntN(len(originals))].Topic
	}
}

// unrelatedHosts drops the hosts that share any passage of ten words or more
// with an original.
func unrelatedHosts(originals, hosts []Article) []Article {
	seen := map[[8]uint64]bool{}
	for _, a := range originals {
		for sh := range shingles(a.Text, 10) {
			seen[sh] = true
		}
	}
	var out []Article
	for _, h := range hosts {
		clean := true
		for sh := range shingles(h.Text, 10) {
			if seen[sh] {
				clean = false
				break
			}
		}
		if clean && len(paragraphs(h.Text)) >= 2 {
			out = append(out, h)
		}
	}
	return out
}
