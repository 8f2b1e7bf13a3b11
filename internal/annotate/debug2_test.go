package annotate

import (
	"fmt"
	"strings"
	"testing"
)

func TestDebugGoldEnts(t *testing.T) {
	docs, _ := LoadCAT("../../../shared/corpus/meantime/intra-doc_annotation")
	for _, d := range docs {
		limit := 0
		for _, g := range d.Entities {
			limit = max(limit, g.End)
		}
		if k := strings.IndexByte(d.Text[limit:], '\n'); k >= 0 {
			limit += k
		}
		for _, e := range FindEntities(d.Text, Sentences(d.Text)) {
			if e.End > limit {
				continue
			}
			hit := ""
			for _, g := range d.Entities {
				if e.Start < g.End && g.Start < e.End && g.Syntactic == "NAM" {
					hit += g.Type + ","
				}
			}
			if hit != entityTypeGold[e.Type]+"," {
				fmt.Printf("FP %s %q gold=%s\n", e.Type, e.Text, hit)
			}
		}
		for _, g := range d.Entities {
			if g.Syntactic != "NAM" || g.Type == "" || g.Type == "FIN" || g.Type == "PRO" {
				continue
			}
			ok := false
			for _, e := range FindEntities(d.Text, Sentences(d.Text)) {
				if e.Start < g.End && g.Start < e.End && entityTypeGold[e.Type] == g.Type {
					ok = true
				}
			}
			if !ok {
				fmt.Printf("FN %s %q\n", g.Type, d.Text[g.Start:g.End])
			}
		}
	}
}
