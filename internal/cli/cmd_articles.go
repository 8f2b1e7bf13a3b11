package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

func runArticles(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("articles", "sitrep articles [flags]", `
List stored articles, newest publication first (undated ones last), with
their id, time, outlet and title. Use 'sitrep show ID' to read one.`,
		"  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file`")
	outlet := fs.String("outlet", "", "only articles from this `outlet`")
	since := fs.String("since", "", "only articles published at or after this `date` (YYYY-MM-DD or RFC 3339)")
	until := fs.String("until", "", "only articles published before this `date`")
	lim := fs.Int("limit", 50, "at most `n` articles")
	offset := fs.Int("offset", 0, "skip the first `n` articles")
	jsonOut := fs.Bool("json", false, "print JSON (an array of articles, without text)")
	err := fs.parseNone(env, args)
	if err != nil {
		return err
	}
	q := store.ArticleQuery{Outlet: *outlet, Limit: *lim, Offset: *offset}
	if q.Since, err = parseDay("since", *since); err != nil {
		return err
	}
	if q.Until, err = parseDay("until", *until); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Articles(ctx, q)
	if err != nil {
		return err
	}
	if *jsonOut {
		if list == nil {
			list = []*model.Article{}
		}
		return writeJSON(env.Stdout, list)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tOUTLET\tTITLE")
	for _, a := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, day(a.Published), orDash(a.Outlet), model.Truncate(a.DisplayTitle(), 70))
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
