package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

func runStories(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("stories", "sitrep stories [flags]", `
List the stories of the stored articles: most recently reported first, or
largest first with --by-size. Each line gives the story id, its last report
day, how many reports and outlets, and a representative headline. Stories
are worked out after every ingest that stores something new; 'sitrep story
ID' lists one story's reports.`,
		"  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file`")
	bySize := fs.Bool("by-size", false, "largest stories first")
	lim := fs.Int("limit", 50, "at most `n` stories")
	offset := fs.Int("offset", 0, "skip the first `n` stories")
	jsonOut := fs.Bool("json", false, "print JSON (an array of stories)")
	if err := fs.parseNone(env, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Stories(ctx, store.StoryQuery{BySize: *bySize, Limit: *lim, Offset: *offset})
	if err != nil {
		return err
	}
	if *jsonOut {
		if list == nil {
			list = []*model.Story{}
		}
		return writeJSON(env.Stdout, list)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "no stories yet: ingest some articles first")
		return nil
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLAST SEEN\tREPORTS\tOUTLETS\tTITLE")
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", s.ID, day(s.LastSeen), s.Size, len(s.Outlets), model.Truncate(s.Title, 70))
	}
	return tw.Flush()
}

func runStory(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("story", "sitrep story [flags] ID", `
Show one story: its headline, time span, outlets, telling words and names,
then its reports in publication order with outlet and copy status.`,
		"  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file`")
	jsonOut := fs.Bool("json", false, "print JSON: the story and its articles (without text)")
	rest, err := fs.parse(env, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("give one story id (see 'sitrep stories')")
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Story(ctx, rest[0])
	if err != nil {
		return err
	}
	arts, err := st.Articles(ctx, store.ArticleQuery{Story: s.ID, Limit: max(s.Size, 1)})
	if err != nil {
		return err
	}
	arts = chronological(arts)
	if *jsonOut {
		return writeJSON(env.Stdout, struct {
			*model.Story
			Articles []*model.Article `json:"articles"`
		}{s, arts})
	}
	fmt.Fprintf(env.Stdout, "%s\n%s\n\n", s.Title, strings.Repeat("=", min(len(s.Title), 78)))
	fmt.Fprintf(env.Stdout, "story     %s\nreports   %d from %d outlets (%s)\nseen      %s to %s\n",
		s.ID, s.Size, len(s.Outlets), orDash(strings.Join(s.Outlets, ", ")), day(s.FirstSeen), day(s.LastSeen))
	fmt.Fprintf(env.Stdout, "words     %s\nnames     %s\n\n", orDash(strings.Join(s.Terms, ", ")), orDash(strings.Join(s.Entities, ", ")))
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PUBLISHED\tOUTLET\tSTATUS\tTITLE\tID")
	for _, a := range arts {
		status := "original"
		if a.CopyOf != "" {
			status = fmt.Sprintf("%s copy of %s", a.CopyType, a.CopyOf)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", day(a.Published), orDash(a.Outlet), status, model.Truncate(a.DisplayTitle(), 50), a.ID)
	}
	return tw.Flush()
}

// chronological orders articles by publication, undated last.
func chronological(arts []*model.Article) []*model.Article {
	times := make([]time.Time, len(arts))
	for i, a := range arts {
		times[i] = a.Published
	}
	out := make([]*model.Article, 0, len(arts))
	for _, i := range model.Chronological(times) {
		out = append(out, arts[i])
	}
	return out
}
