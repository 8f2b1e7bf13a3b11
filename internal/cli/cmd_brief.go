package cli

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/sitrep/sitrep/internal/brief"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/pipeline"
	"github.com/sitrep/sitrep/internal/source"
)

func runBrief(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("brief", "sitrep brief [flags] PATH...\n       sitrep brief [flags] --story ID", `
The cross-source brief of a story: every report with its outlet, time,
length and copy status (original, or a copy of whom and how) and the
outlets it credits; the first reporter with its evidence (an explicit
credit such as "X was first to report" wins over timestamps); claims
aligned across outlets, corroborated by two or more independent outlets or
resting on one; where accounts differ (figures, dates, time limits); quotes
several outlets carry and how each attributes them; each outlet's named,
anonymous and document sources; the people, organisations and places with
how many outlets mention them; a timeline of resolved dates, upcoming ones
marked; and a short summary of lead sentences across outlets.

With PATH (files, directories, URLs or - for stdin, as for ingest) the
reports are read and analysed in memory, no database; when they form
several stories, each gets a brief, largest first. --published dates
reports that carry no publication time (plain text), so that "on Tuesday"
or "last month" resolve. With --story the brief is built from the stored
articles of that story (see 'sitrep stories').

--format text (the default; colour only on a terminal, NO_COLOR honoured),
md (Markdown) or json (the Brief schema of internal/brief: one object, or
an array when there are several stories).`, "  SITREP_DB   database file for --story (default ./sitrep.db)")
	format := fs.String("format", "text", "output `format`: text, md or json")
	published := fs.String("published", "", "publication `time` for reports without one (YYYY-MM-DD or RFC 3339)")
	storyID := fs.String("story", "", "brief the stored story `ID` instead of reading PATHs")
	db := fs.String("db", dbPath(env), "database `file` for --story")
	width := fs.Int("width", 80, "text width in `columns` for --format text")
	workers := fs.Int("workers", 0, "workers for per-article work (default: number of CPUs)")
	rest, err := fs.parse(env, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "md" && *format != "json" {
		return usagef("brief: --format %q: want text, md or json", *format)
	}
	var pub model.Article
	if *published != "" {
		if pub.Published, err = source.ParseTime(*published); err != nil {
			return usagef("brief: --published %q: want YYYY-MM-DD or RFC 3339", *published)
		}
	}
	var stories [][]*model.Article
	failed := 0
	switch {
	case *storyID != "" && len(rest) > 0:
		return usagef("brief: give PATHs or --story, not both")
	case *storyID != "":
		st, err := openStore(ctx, *db)
		if err != nil {
			return err
		}
		defer st.Close()
		_, arts, err := pipeline.StoryArticles(ctx, st, *storyID)
		if err != nil {
			return err
		}
		for _, a := range arts {
			if a.Published.IsZero() {
				a.Published = pub.Published
			}
		}
		stories = append(stories, arts)
	case len(rest) == 0:
		return usagef("brief: no input: give report files, a directory, - for stdin, or --story ID")
	default:
		arts, n, err := readArticles(ctx, env, "brief", rest)
		if err != nil {
			return err
		}
		failed = n
		if len(arts) == 0 {
			return fmt.Errorf("brief: no reports read from %v", rest)
		}
		for _, a := range arts {
			if a.Published.IsZero() {
				a.Published = pub.Published
			}
		}
		pipeline.Analyse(arts, *workers)
		stories = groupStories(arts)
	}
	var briefs []*brief.Brief
	for _, s := range stories {
		briefs = append(briefs, brief.Build(s))
	}
	switch *format {
	case "json":
		err = brief.JSON(env.Stdout, briefs)
	default:
		colour := *format == "text" && env.StdoutTerminal && os.Getenv("NO_COLOR") == ""
		for i, b := range briefs {
			if i > 0 {
				fmt.Fprintln(env.Stdout)
			}
			if *format == "md" {
				err = brief.Markdown(env.Stdout, b)
			} else {
				err = brief.Text(env.Stdout, b, *width, colour)
			}
			if err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errPartial
	}
	return nil
}

// groupStories splits analysed articles by story, largest story first.
func groupStories(arts []*model.Article) [][]*model.Article {
	idx := map[string]int{}
	var out [][]*model.Article
	for _, a := range arts {
		i, ok := idx[a.Story]
		if !ok {
			i = len(out)
			idx[a.Story] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], a)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}
