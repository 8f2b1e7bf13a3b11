package copygen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/copies"
	"github.com/sitrep/sitrep/internal/words"
)

// streamBase is a small corpus with enough words for several blocks.
func streamBase() []string {
	var out []string
	for i := range 40 {
		out = append(out, fmt.Sprintf("Harbour officials in Port %d said on Monday that %d ships were held at anchor after a fire damaged crane number %d. "+
			"The terminal operator expects cargo handling to resume within days, according to Dockworker Union spokeswoman Ana Ruiz%d. "+
			"Insurers estimated losses at %d million dollars while inspectors examined berth %d and its electrical systems.", i, i+3, i*7, i, i*11, i%5))
	}
	return out
}

func TestRenamerKeepsShapeChangesWords(t *testing.T) {
	base := streamBase()
	r := NewRenamer(base)
	for _, text := range base[:5] {
		if got := r.Text(text, 0); got != text {
			t.Fatalf("round 0 changed the text: %q", got)
		}
		for _, round := range []int{1, 2, 63, 64, 65} {
			got := r.Text(text, round)
			var before, after []string
			words.Each(text, func(w []byte, _ words.Span) { before = append(before, string(w)) })
			words.Each(got, func(w []byte, _ words.Span) { after = append(after, string(w)) })
			if len(before) != len(after) {
				t.Fatalf("round %d: %d words became %d: %q", round, len(before), len(after), got)
			}
			changed := 0
			for i := range before {
				if before[i] != after[i] {
					changed++
					if !content([]byte(before[i])) {
						t.Errorf("round %d changed %q (a stop word or figure) to %q", round, before[i], after[i])
					}
				}
			}
			if round%renameBlock != 0 && changed < len(before)/3 {
				t.Errorf("round %d changed only %d of %d words: %q", round, changed, len(before), got)
			}
			if round%renameBlock == 0 && got != text {
				t.Errorf("round %d (a multiple of the block) should repeat round 0", round)
			}
			if r.Text(text, round) != got {
				t.Errorf("round %d is not deterministic", round)
			}
			if strings.HasPrefix(text, "Harbour") && !startsUpper(got) {
				t.Errorf("round %d lost the capital: %q", round, got)
			}
		}
	}
}

func startsUpper(s string) bool { return s != "" && strings.ToUpper(s[:1]) == s[:1] }

// Rounds are new texts: no document of round 1 or 2 is an exact, near or
// partial copy of another round's, while the corpus's own duplicates stay
// copies within their round.
func TestRenamedRoundsAreNotCopiesOfEachOther(t *testing.T) {
	base := streamBase()
	base = append(base, base[3]) // a real repeat inside the corpus
	r := NewRenamer(base)
	var docs []copies.Doc
	for round := range 3 {
		for i, text := range base {
			docs = append(docs, copies.Doc{ID: fmt.Sprintf("r%d/%d", round, i), Text: r.Text(text, round)})
		}
	}
	res := copies.Detect(docs, copies.DefaultParams(), 1)
	for i, c := range res {
		if c.CopyOf == "" || c.Type == copies.Paraphrase {
			continue
		}
		if strings.Split(c.CopyOf, "/")[0] != strings.Split(docs[i].ID, "/")[0] {
			t.Errorf("%s is a %s copy of %s, from another round", docs[i].ID, c.Type, c.CopyOf)
		}
	}
	for round := range 3 {
		last := len(base)*(round+1) - 1
		if res[last].CopyOf != fmt.Sprintf("r%d/3", round) {
			t.Errorf("round %d: the repeat is a copy of %q, want r%d/3", round, res[last].CopyOf, round)
		}
	}
}
