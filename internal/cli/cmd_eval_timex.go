package cli

import (
	"fmt"

	"github.com/sitrep/sitrep/internal/annotate"
)

func runEvalTimex(env *Env, args []string) error {
	fs := newFlagSet("eval timex", "sitrep eval timex [flags] DIR", `
Find and resolve the time expressions of every document of a corpus in the
NewsReader CAT XML layout (MEANTIME's intra-doc_annotation: tokens, TIMEX3
markables with values), each anchored at its annotated creation time (or,
where none is annotated, the first full date of its opening lines), and
score DATE values: value accuracy is the share of gold DATE expressions that
a found expression overlaps with the same value. Span recall and precision
are shown too, then the gold expressions missed or resolved otherwise.`, "")
	worst := fs.Int("worst", 20, "list `n` missed or misresolved expressions")
	jsonOut := fs.Bool("json", false, "print the scores as JSON")
	paths, err := fs.parsePaths(env, args, "no input: give the annotated corpus directory")
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return usagef("eval timex: give one corpus directory, not %d paths", len(paths))
	}
	docs, err := annotate.LoadCAT(paths[0])
	if err != nil {
		return fmt.Errorf("eval timex: %w", err)
	}
	if len(docs) == 0 {
		return fmt.Errorf("eval timex: no .xml documents under %s", paths[0])
	}
	sc := annotate.ScoreTimexes(docs)
	if *jsonOut {
		return writeJSON(env.Stdout, sc)
	}
	fmt.Fprintf(env.Stdout, "%d documents, %d gold DATE expressions\n", sc.Docs, sc.GoldDates)
	fmt.Fprintf(env.Stdout, "DATE value accuracy %.4f (%d correct)  span recall %.4f  span precision %.4f\n",
		sc.Accuracy, sc.Correct, sc.SpanRecall, sc.SpanPrecise)
	if n := min(*worst, len(sc.Misses)); n > 0 {
		fmt.Fprintf(env.Stdout, "\nmissed or resolved otherwise (%d of %d):\n", n, len(sc.Misses))
		for _, m := range sc.Misses[:n] {
			found := m.Found
			if found == "" {
				found = "not found"
			}
			fmt.Fprintf(env.Stdout, "  %-40q gold %-12s got %s\n", m.Text, m.Gold, found)
		}
	}
	return nil
}
