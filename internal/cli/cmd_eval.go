package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/sitrep/sitrep/internal/cluster"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/source"
)

func runEval(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		fmt.Fprint(env.Stdout, "usage: sitrep eval cluster|extract [flags] PATH...\n\nMeasure sitrep against a labelled corpus:\n  cluster FILE   story clustering against a story label (B-cubed, pairwise)\n  extract DIR    article extraction against a benchmark's article bodies\n  timex DIR      time expressions against TIMEX3 values (MEANTIME)\n  quotes DIR     quotes and attribution against Source/Cue/Content spans (PolNeAR)\n  entities DIR   named entities against PER/ORG/LOC mentions (MEANTIME)\nRun 'sitrep eval NAME -help' for details.\n")
		if len(args) == 0 {
			return usagef("eval: name what to evaluate: cluster, extract, timex, quotes or entities")
		}
		return nil
	}
	switch args[0] {
	case "cluster":
		return runEvalCluster(ctx, env, args[1:])
	case "extract":
		return runEvalExtract(env, args[1:])
	case "timex":
		return runEvalTimex(env, args[1:])
	case "quotes":
		return runEvalQuotes(env, args[1:])
	case "entities":
		return runEvalEntities(env, args[1:])
	}
	return usagef("eval: unknown evaluation %q (want cluster, extract, timex, quotes or entities)", args[0])
}

func runEvalCluster(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("eval cluster", "sitrep eval cluster [flags] FILE...", `
Cluster the articles of FILE (JSONL, as for ingest) in memory, as 'sitrep
cluster' does, and score the stories against the label field of each record
(default "story"): B-cubed precision, recall and F1 (Bagga & Baldwin 1998)
and pairwise precision, recall and F1, then the worst merged stories (one
predicted story holding several labels) and split ones (one label spread
over several stories). The label is read only for scoring.`, "")
	label := fs.String("label", "story", "the record `field` holding the gold story")
	worst := fs.Int("worst", 5, "list the `n` worst merged and split stories")
	workers := fs.Int("workers", 0, "workers for per-article work (default: number of CPUs)")
	jsonOut := fs.Bool("json", false, "print the scores as JSON")
	paths, err := fs.parsePaths(env, args, "no input: give a labelled JSONL file")
	if err != nil {
		return err
	}
	arts, gold, failed, err := readLabelled(ctx, env, paths, *label)
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return fmt.Errorf("eval cluster: no labelled articles in %v", paths)
	}
	pipeline.Analyse(arts, *workers)
	pred := make([]string, len(arts))
	for i, a := range arts {
		pred[i] = a.Story
	}
	sc := cluster.Score(gold, pred)
	if *jsonOut {
		return writeJSON(env.Stdout, sc)
	}
	fmt.Fprintf(env.Stdout, "%d articles, %d gold stories, %d predicted\n", sc.Docs, sc.Gold, sc.Predicted)
	fmt.Fprintf(env.Stdout, "B-cubed   P %.4f  R %.4f  F1 %.4f\n", sc.BCubedP, sc.BCubedR, sc.BCubedF)
	fmt.Fprintf(env.Stdout, "pairwise  P %.4f  R %.4f  F1 %.4f\n", sc.PairP, sc.PairR, sc.PairF)
	printMixed(env, "merged", pred, gold, arts, *worst)
	printMixed(env, "split", gold, pred, arts, *worst)
	if failed > 0 {
		return errPartial
	}
	return nil
}

// printMixed lists the groups of by that mix most values of other: the
// worst merged stories when by is the prediction, split ones when gold.
func printMixed(env *Env, what string, by, other []string, arts []*model.Article, n int) {
	groups := map[string]map[string][]int{}
	for i := range by {
		if groups[by[i]] == nil {
			groups[by[i]] = map[string][]int{}
		}
		groups[by[i]][other[i]] = append(groups[by[i]][other[i]], i)
	}
	var keys []string
	for k, g := range groups {
		if len(g) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(a, b int) bool {
		ga, gb := groups[keys[a]], groups[keys[b]]
		if len(ga) != len(gb) {
			return len(ga) > len(gb)
		}
		return keys[a] < keys[b]
	})
	fmt.Fprintf(env.Stdout, "\n%d %s stories", len(keys), what)
	if len(keys) > n {
		keys = keys[:n]
		fmt.Fprintf(env.Stdout, ", worst %d", n)
	}
	fmt.Fprintln(env.Stdout)
	for _, k := range keys {
		fmt.Fprintf(env.Stdout, "  %s:\n", k)
		parts := groups[k]
		names := make([]string, 0, len(parts))
		for o := range parts {
			names = append(names, o)
		}
		sort.Slice(names, func(a, b int) bool {
			return len(parts[names[a]]) > len(parts[names[b]]) || len(parts[names[a]]) == len(parts[names[b]]) && names[a] < names[b]
		})
		for _, o := range names {
			a := arts[parts[o][0]]
			fmt.Fprintf(env.Stdout, "    %3d  %-22s e.g. %s  %s\n", len(parts[o]), model.Truncate(o, 22), a.ID, model.Truncate(a.DisplayTitle(), 50))
		}
	}
}

// readLabelled reads articles as readArticles does, with the string value
// of the label field of each record.
func readLabelled(ctx context.Context, env *Env, paths []string, label string) ([]*model.Article, []string, int, error) {
	var (
		arts   []*model.Article
		gold   []string
		failed int
	)
	err := source.Read(ctx, paths, source.Options{Stdin: env.Stdin}, func(it source.Item) error {
		a, err := source.Parse(it)
		var rec map[string]any
		if err == nil {
			if jerr := json.Unmarshal(it.Data, &rec); jerr != nil {
				err = fmt.Errorf("%s: want a JSON record with a %q label", it.Origin, label)
			}
		}
		if err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "sitrep eval: %v\n", err)
			return nil
		}
		arts = append(arts, a)
		gold = append(gold, fmt.Sprint(rec[label]))
		return nil
	})
	return arts, gold, failed, err
}
