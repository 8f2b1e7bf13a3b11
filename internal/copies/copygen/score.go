package copygen

import (
	"fmt"
	"github.com/sitrep/sitrep/internal/metric"

	"github.com/sitrep/sitrep/internal/copies"
	"github.com/sitrep/sitrep/internal/words"
)

// KindScore is how a detector did on one kind of generated document.
type KindScore struct {
	Kind  string         `json:"kind"`
	Total int            `json:"total"`
	Found int            `json:"found"` // linked to the right original
	Types map[string]int `json:"types"` // copy types reported for them
}

// Recall is Found / Total.
func (k KindScore) Recall() float64 { return metric.Ratio(k.Found, k.Total) }

// Report scores detector results against the ground truth.
type Report struct {
	Kinds     []KindScore `json:"kinds"`
	Predicted int         `json:"predicted_links"`
	Correct   int         `json:"correct_links"`
	// ByType counts predicted and correct links per reported copy type.
	ByType map[string][2]int `json:"by_type"`
	// AmongOriginals counts links between two originals, and how many of
	// them the exact check confirms (the real corpora hold real copies).
	AmongOriginals          int      `json:"links_among_originals"`
	AmongOriginalsConfirmed int      `json:"links_among_originals_confirmed"`
	Wrong                   []string `json:"wrong_examples,omitempty"`
}

// Precision is the share of predicted copy links that are right; with types
// given, of the links reported as those types.
func (r Report) Precision(types ...string) float64 {
	if len(types) == 0 {
		return metric.Ratio(r.Correct, r.Predicted)
	}
	var p, c int
	for _, t := range types {
		p += r.ByType[t][0]
		c += r.ByType[t][1]
	}
	return metric.Ratio(c, p)
}

// Score compares results (in the order of set) with the ground truth. A link
// from a generated copy is right when it names its source or the source's
// own original; a link between two originals is right when their full
// shingle sets confirm it (Jaccard or containment at least 0.5); a link from
// a mashup is always wrong.
func Score(set []Doc, results []copies.Result, p copies.Params) Report {
	pos := map[string]int{}
	for i, d := range set {
		pos[d.ID] = i
	}
	byKind := map[string]*KindScore{}
	var rep Report
	for i, d := range set {
		res := results[i]
		if d.Kind != KindOriginal {
			k := byKind[d.Kind]
			if k == nil {
				k = &KindScore{Kind: d.Kind, Types: map[string]int{}}
				byKind[d.Kind] = k
			}
			k.Total++
			k.Types[res.Type]++
			if d.Source != "" && res.CopyOf != "" && linkedRight(set, results, pos, d, res, p) {
				k.Found++
			}
		}
		if res.CopyOf == "" {
			continue
		}
		rep.Predicted++
		right := false
		switch d.Kind {
		case KindOriginal:
			rep.AmongOriginals++
			if right = confirmed(d.Text, set[pos[res.CopyOf]].Text, set[pos[res.Via]].Text, p); right {
				rep.AmongOriginalsConfirmed++
			}
		case KindMashup:
		default:
			right = linkedRight(set, results, pos, d, res, p)
		}
		if rep.ByType == nil {
			rep.ByType = map[string][2]int{}
		}
		pc := rep.ByType[res.Type]
		pc[0]++
		if right {
			pc[1]++
		}
		rep.ByType[res.Type] = pc
		if right {
			rep.Correct++
		} else if len(rep.Wrong) < 40 && (d.Kind != KindOriginal || len(rep.Wrong) < 10) {
			rep.Wrong = append(rep.Wrong, fmt.Sprintf("%s (%s) → %s via %s as %s %.2f", d.ID, d.Kind, res.CopyOf, res.Via, res.Type, res.Similarity))
		}
	}
	for _, kind := range Kinds {
		if k := byKind[kind]; k != nil {
			rep.Kinds = append(rep.Kinds, *k)
		}
	}
	return rep
}

// linkedRight: a generated copy is rightly linked to its source, to the
// source's own original, or to a real duplicate of the source in the corpus
// (confirmed exactly), which is as much an original of it.
func linkedRight(set []Doc, results []copies.Result, pos map[string]int, d Doc, res copies.Result, p copies.Params) bool {
	src := pos[d.Source]
	if res.CopyOf == d.Source || res.CopyOf == results[src].CopyOf {
		return true
	}
	return set[pos[res.CopyOf]].Kind == KindOriginal && exactlySimilar(set[src].Text, set[pos[res.CopyOf]].Text, p)
}

// confirmed checks a link exactly: the text against the document it matched
// (via), or against the original it was resolved to.
func confirmed(text, original, via string, p copies.Params) bool {
	return exactlySimilar(text, via, p) || exactlySimilar(text, original, p)
}

func exactlySimilar(a, b string, p copies.Params) bool {
	sa, sb := shingles(a, p.ShingleWords), shingles(b, p.ShingleWords)
	common := 0
	for h := range sa {
		if sb[h] {
			common++
		}
	}
	smaller := min(len(sa), len(sb))
	if smaller == 0 {
		return false
	}
	j := float64(common) / float64(len(sa)+len(sb)-common)
	return j >= 0.5 || float64(common)/float64(smaller) >= 0.5
}

func shingles(text string, k int) map[[8]uint64]bool {
	hs := words.Hashes(nil, text)
	out := map[[8]uint64]bool{}
	for i := 0; i+k <= len(hs); i++ {
		var key [8]uint64
		copy(key[:], hs[i:i+k])
		out[key] = true
	}
	return out
}
