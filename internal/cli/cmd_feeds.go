package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/source"
	"github.com/sitrep/sitrep/internal/store"
)

func runFeeds(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("feeds", "sitrep feeds add URL...\n       sitrep feeds import FILE.opml\n       sitrep feeds list [--json]", `
Manage the feeds 'sitrep serve' polls. add stores RSS, Atom or JSON feed
URLs; import stores every feed an OPML list names (folders included);
list shows each feed with its last poll, failures, last error and how many
articles it brought. Adding a feed that is already there changes nothing.
Feeds are read by the server, not here: 'sitrep ingest URL' reads one now.`,
		"  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file`")
	jsonOut := fs.Bool("json", false, "list: print JSON")
	rest, err := fs.parse(env, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("feeds: give add URL..., import FILE.opml or list")
	}
	verb, rest := rest[0], rest[1:]
	switch verb {
	case "add":
		if len(rest) == 0 {
			return usagef("feeds add: give one or more feed URLs")
		}
		for _, u := range rest {
			if !source.IsURL(u) {
				return usagef("feeds add: %q is not an http(s) URL", u)
			}
		}
	case "import":
		if len(rest) != 1 {
			return usagef("feeds import: give one OPML file")
		}
	case "list":
		if len(rest) != 0 {
			return usagef("feeds list: unexpected argument %q", rest[0])
		}
	default:
		return usagef("feeds: unknown action %q: want add, import or list", verb)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	switch verb {
	case "add":
		feeds := make([]store.Feed, len(rest))
		for i, u := range rest {
			feeds[i] = store.Feed{URL: u}
		}
		n, err := st.AddFeeds(ctx, feeds)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%d added, %d already there\n", n, len(rest)-n)
	case "import":
		n, listed, err := importFeeds(ctx, st, rest[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s lists %d feeds: %d added, %d already there\n", rest[0], listed, n, listed-n)
	case "list":
		feeds, err := st.Feeds(ctx)
		if err != nil {
			return err
		}
		if *jsonOut {
			if feeds == nil {
				feeds = []store.Feed{}
			}
			return writeJSON(env.Stdout, feeds)
		}
		if len(feeds) == 0 {
			fmt.Fprintln(env.Stdout, "no feeds yet: sitrep feeds add URL, or sitrep feeds import list.opml")
			return nil
		}
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "URL\tLAST POLLED\tARTICLES\tFAILURES\tLAST ERROR")
		for _, f := range feeds {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", f.URL, day(f.LastPolled), f.Articles, f.Failures, orDash(model.Truncate(f.LastError, 60)))
		}
		return tw.Flush()
	}
	return nil
}
