package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

func runSearch(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("search", "sitrep search [flags] QUERY...", `
Full-text search over titles and texts of stored articles, best match first,
each with a snippet of the passage that matched. Words must all match;
"quoted phrases" match as phrases, word* matches a prefix, and OR between
terms matches either. Title matches rank above body matches.`,
		"  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file`")
	lim := fs.Int("limit", 20, "at most `n` hits")
	offset := fs.Int("offset", 0, "skip the first `n` hits")
	jsonOut := fs.Bool("json", false, "print JSON (an array of hits)")
	words, err := fs.parse(env, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" {
		return usagef("no query")
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, store.SearchQuery{Query: query, Limit: *lim, Offset: *offset})
	if err != nil {
		return err
	}
	if *jsonOut {
		return writeJSON(env.Stdout, searchJSON(hits))
	}
	if len(hits) == 0 {
		fmt.Fprintf(env.Stdout, "no articles match %q\n", query)
		return nil
	}
	open, close := "«", "»"
	if env.StdoutTerminal {
		open, close = "\033[1m", "\033[0m"
	}
	for i, h := range hits {
		a := h.Article
		fmt.Fprintf(env.Stdout, "%d. %s  [%s]\n   %s · %s · score %.3g\n   %s\n\n", i+1+*offset,
			model.Truncate(a.DisplayTitle(), 70), a.ID, orDash(a.Outlet), day(a.Published), h.Score,
			markSnippet(h.Snippet, open, close))
	}
	return nil
}

type hitJSON struct {
	*model.Article
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
}

// searchJSON renders hits for --json, with matches marked «like this».
func searchJSON(hits []store.Hit) []hitJSON {
	out := make([]hitJSON, 0, len(hits))
	for _, h := range hits {
		out = append(out, hitJSON{Article: h.Article, Snippet: markSnippet(h.Snippet, "«", "»"), Score: h.Score})
	}
	return out
}

func markSnippet(s, open, close string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer(store.MarkStart, open, store.MarkEnd, close).Replace(s)
}
