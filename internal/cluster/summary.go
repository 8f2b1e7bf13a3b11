package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/words"
	"github.com/zeebo/xxh3"
)

// Member is one report of a story, as Summarize reads it.
type Member struct {
	Title     string
	Text      string
	Outlet    string
	Published time.Time
}

// summaryTerms and summaryNames bound the lists a story summary carries.
const (
	summaryTerms = 8
	summaryNames = 8
)

// Summarize describes a story from its members (earliest first): a
// representative headline, the time span, the outlets (most reports
// first), the most telling words (in many members, rare in the background)
// and the names most members mention.
func Summarize(id string, ms []Member, bg *Background) *model.Story {
	st := &model.Story{ID: id, Size: len(ms), Outlets: []string{}}
	outlets := map[string]int{}
	for _, m := range ms {
		if m.Outlet != "" {
			if outlets[m.Outlet] == 0 {
				st.Outlets = append(st.Outlets, m.Outlet)
			}
			outlets[m.Outlet]++
		}
		if t := m.Published; !t.IsZero() {
			if st.FirstSeen.IsZero() || t.Before(st.FirstSeen) {
				st.FirstSeen = t
			}
			if t.After(st.LastSeen) {
				st.LastSeen = t
			}
		}
	}
	slices.SortStableFunc(st.Outlets, func(a, b string) int { return outlets[b] - outlets[a] })
	stems := storyWords(ms)
	st.Terms = topWords(stems, bg)
	st.Entities = topNames(ms)
	st.Title = headline(ms, stems)
	return st
}

// storyWord is one stem of a story: how many members use it, and its most
// frequent written form.
type storyWord struct {
	docs  int
	forms map[string]int
}

func storyWords(ms []Member) map[string]*storyWord {
	out := map[string]*storyWord{}
	for _, m := range ms {
		seen := map[string]bool{}
		words.Each(m.Title+"\n"+m.Text, func(w []byte, _ words.Span) {
			word := string(w)
			if len(w) < 3 || words.Stop(word) || isDigits(word) {
				return
			}
			stem := words.Stem(word)
			sw := out[stem]
			if sw == nil {
				sw = &storyWord{forms: map[string]int{}}
				out[stem] = sw
			}
			sw.forms[word]++
			if !seen[stem] {
				seen[stem] = true
				sw.docs++
			}
		})
	}
	return out
}

func isDigits(s string) bool {
	return strings.TrimLeft(s, "0123456789") == ""
}

// topWords ranks stems by members using them times their background idf.
func topWords(stems map[string]*storyWord, bg *Background) []string {
	type scored struct {
		word  string
		score float64
	}
	var all []scored
	for stem, sw := range stems {
		idf := 1.0
		if bg != nil {
			idf = math.Log((float64(bg.Docs) + 1) / (float64(bg.DF[xxh3.HashString(stem)]) + 0.5))
		}
		all = append(all, scored{mostUsed(sw.forms), float64(sw.docs) * idf})
	}
	slices.SortFunc(all, func(a, b scored) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return strings.Compare(a.word, b.word)
	})
	out := []string{}
	for _, s := range all[:min(len(all), summaryTerms)] {
		out = append(out, s.word)
	}
	return out
}

func mostUsed(forms map[string]int) string {
	best, n := "", 0
	for f, c := range forms {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	return best
}

// topNames returns the names the most members mention (at least two when
// the story has several members), longer names first among equals, and
// leaves out a name that is part of one already chosen ("Palin" after
// "Sarah Palin").
func topNames(ms []Member) []string {
	docs := map[string]int{}
	for _, m := range ms {
		seen := map[string]bool{}
		for _, n := range Names(m.Title + "\n" + m.Text) {
			if !seen[n] {
				seen[n] = true
				docs[n]++
			}
		}
	}
	names := make([]string, 0, len(docs))
	for n, c := range docs {
		if c >= 2 || len(ms) == 1 {
			names = append(names, n)
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		if docs[a] != docs[b] {
			return docs[b] - docs[a]
		}
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	out := []string{}
	for _, n := range names {
		if len(out) == summaryNames {
			break
		}
		if !slices.ContainsFunc(out, func(o string) bool { return containsWords(o, n) }) {
			out = append(out, n)
		}
	}
	return out
}

// containsWords reports whether name is a run of whole words of phrase.
func containsWords(phrase, name string) bool {
	return strings.Contains(" "+phrase+" ", " "+name+" ")
}

// headline picks the member title whose words most members share; a
// story with no titles gets the first sentence of its earliest report.
func headline(ms []Member, stems map[string]*storyWord) string {
	best, bestScore := "", -1.0
	for _, m := range ms {
		if m.Title == "" {
			continue
		}
		var sum float64
		n := 0
		words.Each(m.Title, func(w []byte, _ words.Span) {
			if word := string(w); len(w) >= 3 && !words.Stop(word) {
				n++
				if sw := stems[words.Stem(word)]; sw != nil {
					sum += float64(sw.docs)
				}
			}
		})
		if score := sum / float64(n+1); score > bestScore {
			best, bestScore = m.Title, score
		}
	}
	if best != "" || len(ms) == 0 {
		return best
	}
	a := model.Article{Text: ms[0].Text}
	return a.DisplayTitle()
}
