package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/source"
)

func runCluster(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("cluster", "sitrep cluster [flags] PATH...", `
Run the pipeline in memory (no database) over PATH (files, directories or -
for stdin, as for ingest) and print one JSON object per input article, in
input order:

  {"id": …, "story": …, "copy_of": …, "copy_type": …}

copy_of is the id of the earlier article this one copies ("" if none),
copy_type one of "", "exact", "near", "partial", "paraphrase". Articles are
processed in publication-time order where times are known. story is the key
of the article's story ("s-" and the id of its first article); copies are
always in their original's story.`, "")
	workers := fs.Int("workers", 0, "workers for per-article work (default: number of CPUs)")
	paths, err := fs.parsePaths(env, args, "no input: give a file, a directory or - for stdin")
	if err != nil {
		return err
	}
	arts, failed, err := readArticles(ctx, env, "cluster", paths)
	if err != nil {
		return err
	}
	pipeline.Analyse(arts, *workers)
	w := bufio.NewWriter(env.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		line := clusterLine{ID: a.ID, Story: a.Story, CopyOf: a.CopyOf, CopyType: a.CopyType}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return errPartial
	}
	return nil
}

type clusterLine struct {
	ID       string `json:"id"`
	Story    string `json:"story"`
	CopyOf   string `json:"copy_of"`
	CopyType string `json:"copy_type"`
}

// readArticles reads and parses every input into memory, reporting bad
// records on stderr as ingest does, and returns how many failed.
func readArticles(ctx context.Context, env *Env, cmd string, paths []string) ([]*model.Article, int, error) {
	var (
		arts   []*model.Article
		failed int
	)
	err := source.Read(ctx, paths, source.Options{Stdin: env.Stdin}, func(it source.Item) error {
		a, err := source.Parse(it)
		if err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "sitrep %s: %v\n", cmd, err)
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	return arts, failed, err
}
