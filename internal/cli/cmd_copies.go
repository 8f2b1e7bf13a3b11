package cli

import (
	"context"
	"fmt"
	"sort"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
)

func runCopies(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("copies", "sitrep copies [flags]", `
Detect copies among the stored articles (exact, near, partial and
paraphrase), record each article's copy_of, copy_type and similarity in the
store (stories are worked out again too, as after ingest), and list the copy
groups: each original with the articles that copy
it, largest groups first.`,
		"  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file`")
	workers := fs.Int("workers", 0, "workers for signatures (default: number of CPUs)")
	lim := fs.Int("limit", 50, "list at most `n` groups (0: all)")
	jsonOut := fs.Bool("json", false, "print the groups as JSON")
	if err := fs.parseNone(env, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	_, arts, err := pipeline.AnalyseStore(ctx, st, *workers)
	if err != nil {
		return err
	}
	byID := map[string]*model.Article{}
	for _, a := range arts {
		a.Text = ""
		byID[a.ID] = a
	}
	groups := copyGroups(arts, byID)
	if *lim > 0 && len(groups) > *lim {
		groups = groups[:*lim]
	}
	if *jsonOut {
		if groups == nil {
			groups = []copyGroup{}
		}
		return writeJSON(env.Stdout, groups)
	}
	if len(groups) == 0 {
		fmt.Fprintf(env.Stdout, "no copies among %d articles\n", len(arts))
		return nil
	}
	for _, g := range groups {
		fmt.Fprintf(env.Stdout, "%s  %s  %s  [%s]\n", day(g.Original.Published), orDash(g.Original.Outlet), model.Truncate(g.Original.DisplayTitle(), 60), g.Original.ID)
		for _, c := range g.Copies {
			fmt.Fprintf(env.Stdout, "  %-10s %.2f  %s  %s  [%s]\n", c.CopyType, c.CopySim, day(c.Published), orDash(c.Outlet), c.ID)
		}
	}
	return nil
}

type copyGroup struct {
	Original *model.Article   `json:"original"`
	Copies   []*model.Article `json:"copies"`
}

// copyGroups gathers copies under their originals, largest groups first,
// then by the original's id.
func copyGroups(arts []*model.Article, byID map[string]*model.Article) []copyGroup {
	index := map[string]int{}
	var groups []copyGroup
	for _, a := range arts {
		if a.CopyOf == "" {
			continue
		}
		i, ok := index[a.CopyOf]
		if !ok {
			i = len(groups)
			index[a.CopyOf] = i
			groups = append(groups, copyGroup{Original: byID[a.CopyOf]})
		}
		groups[i].Copies = append(groups[i].Copies, a)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if len(groups[i].Copies) != len(groups[j].Copies) {
			return len(groups[i].Copies) > len(groups[j].Copies)
		}
		return groups[i].Original.ID < groups[j].Original.ID
	})
	return groups
}
