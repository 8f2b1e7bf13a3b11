package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/store"
)

func runShow(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("show", "sitrep show [flags] ID", `
Print one stored article: its metadata, then its clean text.`,
		"  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file`")
	jsonOut := fs.Bool("json", false, "print the article as JSON")
	rest, err := fs.parse(env, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("want exactly one article id")
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.Article(ctx, rest[0])
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no article with id %q (see 'sitrep articles')", rest[0])
	}
	if err != nil {
		return err
	}
	if *jsonOut {
		return writeJSON(env.Stdout, a)
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s\n", a.DisplayTitle())
	for _, kv := range [][2]string{
		{"id", a.ID}, {"outlet", a.Outlet}, {"url", a.URL}, {"byline", a.Byline},
		{"published", day(a.Published)}, {"dateline", a.Dateline}, {"lang", a.Lang},
		{"format", a.SourceFormat}, {"credits", strings.Join(a.Credits, "; ")},
	} {
		if kv[1] != "" && kv[1] != "-" {
			fmt.Fprintf(w, "%-10s %s\n", kv[0]+":", kv[1])
		}
	}
	fmt.Fprintf(w, "\n%s\n", a.Text)
	return nil
}
