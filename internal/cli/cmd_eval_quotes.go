package cli

import (
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/annotate"
)

func runEvalQuotes(env *Env, args []string) error {
	fs := newFlagSet("eval quotes", "sitrep eval quotes [flags] DIR", `
Find the attributions (quotes, paraphrases, "according to") in every text of
an attribution corpus in brat standoff (PolNeAR: DIR/text/*.txt and
DIR/attributions/*.ann, one annotation file per annotator), each text
annotated exactly as given, and score the Source, Cue and Content spans:
overlap precision/recall/F1 (a found span counts when it shares a character
with a gold span of its kind) and exact F1 (the same text, ends trimmed of
spaces and punctuation). The headline figure is overlap F1 averaged over
the three kinds.`, "")
	jsonOut := fs.Bool("json", false, "print the scores as JSON")
	worst := fs.Int("worst", 0, "list `n` missed and n spurious cues in context")
	paths, err := fs.parsePaths(env, args, "no input: give the corpus directory (text/ and attributions/)")
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return usagef("eval quotes: give one corpus directory, not %d paths", len(paths))
	}
	docs, err := annotate.LoadBrat(paths[0])
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval quotes: no attributions/*.ann files under %s", paths[0])
	}
	t0 := time.Now()
	sc := annotate.ScoreQuotes(docs)
	el := time.Since(t0)
	if *jsonOut {
		return writeJSON(env.Stdout, sc)
	}
	fmt.Fprintf(env.Stdout, "%d annotation files, %d gold spans, %d found (%.0f docs/s)\n", sc.Docs, sc.Gold, sc.Pred, float64(sc.Docs)/el.Seconds())
	fmt.Fprintf(env.Stdout, "%-8s %6s %6s  %-23s  %s\n", "", "gold", "found", "overlap P / R / F1", "exact P / R / F1")
	for _, k := range annotate.AttrKinds {
		ks := sc.Kinds[k]
		fmt.Fprintf(env.Stdout, "%-8s %6d %6d  %.3f / %.3f / %.3f    %.3f / %.3f / %.3f\n", k, ks.Gold, ks.Pred,
			ks.OverlapP, ks.OverlapR, ks.OverlapF1, ks.ExactP, ks.ExactR, ks.ExactF1)
	}
	fmt.Fprintf(env.Stdout, "average overlap F1 %.4f  exact F1 %.4f\n", sc.OverlapF1, sc.ExactF1)
	for i := 0; i < min(*worst, len(sc.Missed)); i++ {
		fmt.Fprintf(env.Stdout, "missed   %-18q %s\n", sc.Missed[i].Cue, sc.Missed[i].Context)
	}
	for i := 0; i < min(*worst, len(sc.Spurious)); i++ {
		fmt.Fprintf(env.Stdout, "spurious %-18q %s\n", sc.Spurious[i].Cue, sc.Spurious[i].Context)
	}
	return nil
}
