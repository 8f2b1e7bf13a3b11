package cli

import (
	"fmt"

	"github.com/sitrep/sitrep/internal/extract"
)

func runEvalExtract(env *Env, args []string) error {
	fs := newFlagSet("eval extract", "sitrep eval extract [flags] DIR", `
Extract the article of every page of an article-extraction benchmark laid out
as scrapinghub/article-extraction-benchmark (DIR/ground-truth.json with the
articleBody and url of each page, DIR/html/KEY.html.gz) and score the text
against articleBody with the benchmark's metric: precision and recall of
word 4-gram shingles averaged over pages, F1 of the two averages. The pages
with the lowest F1 are listed.

The benchmark's bodies keep the dateline ("BAGHDAD –"), which sitrep moves
out of the text into the dateline field; the scored body is the dateline
followed by the text, as the report was published (--text-only scores the
text alone).`, "")
	worst := fs.Int("worst", 10, "list the `n` pages with the lowest F1")
	textOnly := fs.Bool("text-only", false, "score the text without the dateline")
	jsonOut := fs.Bool("json", false, "print the report as JSON")
	paths, err := fs.parsePaths(env, args, "no input: give the benchmark directory")
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return usagef("eval extract: give one benchmark directory, not %d paths", len(paths))
	}
	body := func(a *extract.Article) string {
		if *textOnly || a.Dateline == "" {
			return a.Text
		}
		return a.Dateline + " – " + a.Text
	}
	rep, err := extract.EvalDir(paths[0], body)
	if err != nil {
		return fmt.Errorf("eval extract: %w", err)
	}
	if *jsonOut {
		return writeJSON(env.Stdout, rep)
	}
	fmt.Fprintf(env.Stdout, "%d pages, %.1f pages/s\n", rep.Pages, rep.PagesPerSec)
	fmt.Fprintf(env.Stdout, "word 4-gram shingles  P %.4f  R %.4f  F1 %.4f\n", rep.Precision, rep.Recall, rep.F1)
	if *worst > 0 {
		fmt.Fprintf(env.Stdout, "\nlowest F1:\n")
		for _, s := range rep.Scores[:min(*worst, len(rep.Scores))] {
			note := s.URL
			if s.Err != "" {
				note += " (" + s.Err + ")"
			}
			fmt.Fprintf(env.Stdout, "  F1 %.3f  P %.3f  R %.3f  %s\n", s.F1, s.Precision, s.Recall, note)
		}
	}
	return nil
}
