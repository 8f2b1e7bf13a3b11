package cli

import (
	"fmt"

	"github.com/sitrep/sitrep/internal/annotate"
)

func runEvalEntities(env *Env, args []string) error {
	fs := newFlagSet("eval entities", "sitrep eval entities [flags] DIR", `
Find the named people, organisations and places of every document of a
corpus in the NewsReader CAT XML layout (MEANTIME's intra-doc_annotation)
and score them against the gold mentions of PER, ORG and LOC entities whose
syntactic type is NAM (a name): a found entity is right when it overlaps a
gold name of the same type, NAM or PRE.NAM (a name used as a premodifier:
"Airbus" in "Airbus chief executive"); only NAM mentions are required.
Precision, recall and F1 overall (micro-averaged) and per type, and the
strict precision and F1 that count premodifier names found as wrong.`, "")
	jsonOut := fs.Bool("json", false, "print the scores as JSON")
	paths, err := fs.parsePaths(env, args, "no input: give the annotated corpus directory")
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return usagef("eval entities: give one corpus directory, not %d paths", len(paths))
	}
	docs, err := annotate.LoadCAT(paths[0])
	if err != nil {
		return fmt.Errorf("eval entities: %w", err)
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval entities: no .xml documents under %s", paths[0])
	}
	sc := annotate.ScoreEntities(docs)
	if *jsonOut {
		return writeJSON(env.Stdout, sc)
	}
	fmt.Fprintf(env.Stdout, "%d documents\n%-4s %6s %6s  %s\n", sc.Docs, "", "gold", "found", "P / R / F1")
	for _, t := range []string{"PER", "ORG", "LOC"} {
		ts := sc.Types[t]
		fmt.Fprintf(env.Stdout, "%-4s %6d %6d  %.3f / %.3f / %.3f\n", t, ts.Gold, ts.Found, ts.P, ts.R, ts.F)
	}
	fmt.Fprintf(env.Stdout, "all  P %.4f  R %.4f  F1 %.4f\n", sc.P, sc.R, sc.F)
	fmt.Fprintf(env.Stdout, "strict (premodifier names wrong): P %.4f  F1 %.4f\n", sc.StrictP, sc.StrictF)
	return nil
}
