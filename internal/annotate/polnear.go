package annotate

import (
	"bufio"
	"fmt"
	"github.com/sitrep/sitrep/internal/metric"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// AttrDoc is one annotated document of an attribution corpus in brat
// standoff (PolNeAR): the text and its gold Source, Cue and Content spans,
// each span a list of fragments in byte offsets.
type AttrDoc struct {
	Name string
	Text string
	Gold map[string][][2]int // "Source", "Cue", "Content" → spans
	// GoldFrags holds each span's fragments, parallel to Gold.
	GoldFrags map[string][][][2]int
}

// AttrKinds are the span kinds scored.
var AttrKinds = []string{"Source", "Cue", "Content"}

// LoadBrat reads DIR/attributions/*.ann with their texts in DIR/text: an
// annotation file NAME_XXXX.ann belongs to NAME.txt (PolNeAR keeps one file
// per annotator).
func LoadBrat(dir string) ([]AttrDoc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(anns)
	var docs []AttrDoc
	for _, a := range anns {
		base := strings.TrimSuffix(filepath.Base(a), ".ann")
		txt := filepath.Join(dir, "text", base+".txt")
		if _, err := os.Stat(txt); err != nil {
			if k := strings.LastIndexByte(base, '_'); k > 0 {
				txt = filepath.Join(dir, "text", base[:k]+".txt")
			}
		}
		b, err := os.ReadFile(txt)
		if err != nil {
			return nil, fmt.Errorf("%s: no text for it: %w", a, err)
		}
		d, err := loadAnn(a, string(b))
		if err != nil {
			return nil, err
		}
		d.Name = base
		docs = append(docs, d)
	}
	return docs, nil
}

func loadAnn(path, text string) (AttrDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return AttrDoc{}, err
	}
	defer f.Close()
	// brat offsets count code points.
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	d := AttrDoc{Text: text, Gold: map[string][][2]int{}, GoldFrags: map[string][][][2]int{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 2 || !strings.HasPrefix(parts[0], "T") {
			continue
		}
		sp := strings.Fields(strings.ReplaceAll(parts[1], ";", " ; "))
		if len(sp) < 3 {
			return AttrDoc{}, fmt.Errorf("%s:%d: malformed span %q", path, line, parts[1])
		}
		kind := sp[0]
		if kind != "Source" && kind != "Cue" && kind != "Content" {
			continue
		}
		var frags [][2]int
		nums := sp[1:]
		for i := 0; i+1 < len(nums); i += 3 {
			s, err1 := strconv.Atoi(nums[i])
			e, err2 := strconv.Atoi(nums[i+1])
			if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(byteAt) {
				return AttrDoc{}, fmt.Errorf("%s:%d: bad offsets %q", path, line, parts[1])
			}
			frags = append(frags, [2]int{byteAt[s], byteAt[e]})
		}
		d.GoldFrags[kind] = append(d.GoldFrags[kind], frags)
		d.Gold[kind] = append(d.Gold[kind], [2]int{frags[0][0], frags[len(frags)-1][1]})
	}
	return d, sc.Err()
}

// AttrScore is exact and overlap precision, recall and F1 per span kind.
type AttrScore struct {
	Docs       int
	Kinds      map[string]*KindScore
	OverlapF1  float64 // averaged over Source, Cue and Content
	ExactF1    float64
	Gold, Pred int
	// Missed lists gold cues nothing found overlaps, Spurious found cues
	// that overlap no gold cue, each with its sentence.
	Missed, Spurious []AttrMiss `json:",omitempty"`
}

// AttrMiss is one missed or spurious cue in its context.
type AttrMiss struct {
	Doc, Cue, Context string
}

// KindScore is the score of one span kind.
type KindScore struct {
	Gold, Pred                                 int
	OverlapP, OverlapR, OverlapF1              float64
	ExactP, ExactR, ExactF1                    float64
	predOverlap, goldOverlap, predExact, exact int
}

// ScoreQuotes finds the attributions of every document (annotated as given)
// and scores them against the gold spans. A found span overlaps a gold one
// when any of their fragments share a character; it is exact when its
// fragments, trimmed of spaces and punctuation, equal the gold ones.
func ScoreQuotes(docs []AttrDoc) AttrScore {
	sc := AttrScore{Docs: len(docs), Kinds: map[string]*KindScore{}}
	for _, k := range AttrKinds {
		sc.Kinds[k] = &KindScore{}
	}
	for _, d := range docs {
		qs := FindQuotes(d.Text, Sentences(d.Text))
		pred := map[string][][][2]int{}
		for _, q := range qs {
			if q.Source != nil {
				pred["Source"] = append(pred["Source"], [][2]int{{q.Source.Start, q.Source.End}})
			}
			if q.Cue != nil {
				pred["Cue"] = append(pred["Cue"], [][2]int{{q.Cue.Start, q.Cue.End}})
			}
			if q.Content != nil {
				fr := [][2]int{{q.Content.Start, q.Content.End}}
				for _, m := range q.More {
					fr = append(fr, [2]int{m.Start, m.End})
				}
				pred["Content"] = append(pred["Content"], fr)
			}
		}
		for _, k := range AttrKinds {
			ks := sc.Kinds[k]
			gold := d.GoldFrags[k]
			ks.Gold += len(gold)
			ks.Pred += len(pred[k])
			for _, p := range pred[k] {
				for _, g := range gold {
					if fragsOverlap(p, g) {
						ks.predOverlap++
						break
					}
				}
				for _, g := range gold {
					if fragsEqual(d.Text, p, g) {
						ks.predExact++
						break
					}
				}
			}
			for _, g := range gold {
				hit := false
				for _, p := range pred[k] {
					if fragsOverlap(p, g) {
						hit = true
						break
					}
				}
				if hit {
					ks.goldOverlap++
				} else if k == "Cue" {
					sc.Missed = append(sc.Missed, AttrMiss{d.Name, d.Text[g[0][0]:g[0][1]], inContext(d.Text, g[0][0], g[0][1])})
				}
			}
			if k == "Cue" {
				for _, p := range pred[k] {
					hit := false
					for _, g := range gold {
						if fragsOverlap(p, g) {
							hit = true
							break
						}
					}
					if !hit {
						sc.Spurious = append(sc.Spurious, AttrMiss{d.Name, d.Text[p[0][0]:p[0][1]], inContext(d.Text, p[0][0], p[0][1])})
					}
				}
			}
		}
	}
	for _, k := range AttrKinds {
		ks := sc.Kinds[k]
		ks.OverlapP, ks.OverlapR = metric.Ratio(ks.predOverlap, ks.Pred), metric.Ratio(ks.goldOverlap, ks.Gold)
		ks.OverlapF1 = metric.F1(ks.OverlapP, ks.OverlapR)
		ks.ExactP, ks.ExactR = metric.Ratio(ks.predExact, ks.Pred), metric.Ratio(ks.predExact, ks.Gold)
		ks.ExactF1 = metric.F1(ks.ExactP, ks.ExactR)
		sc.OverlapF1 += ks.OverlapF1 / float64(len(AttrKinds))
		sc.ExactF1 += ks.ExactF1 / float64(len(AttrKinds))
		sc.Gold += ks.Gold
		sc.Pred += ks.Pred
	}
	return sc
}

func fragsOverlap(a, b [][2]int) bool {
	for _, x := range a {
		for _, y := range b {
			if x[0] < y[1] && y[0] < x[1] {
				return true
			}
		}
	}
	return false
}

func fragsEqual(text string, a, b [][2]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if trimSpan(text[a[i][0]:a[i][1]]) != trimSpan(text[b[i][0]:b[i][1]]) {
			return false
		}
	}
	return true
}

func trimSpan(s string) string { return strings.Trim(s, " \t\n.,;:“”\"'’") }

// inContext is the text around a span, the span in brackets.
func inContext(text string, s, e int) string {
	a, b := max(0, s-100), min(len(text), e+60)
	for a > 0 && a < len(text) && text[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(text) && text[b]&0xC0 == 0x80 {
		b++
	}
	return strings.ReplaceAll(text[a:s]+"[["+text[s:e]+"]]"+text[e:b], "\n", " ")
}
