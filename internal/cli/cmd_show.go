package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep/sitrep/internal/annotate"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

func runShow(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("show", "sitrep show [flags] ID", `
Print one stored article: its metadata, then its clean text. With
--annotations, what reading it finds instead of the text: people,
organisations and places; quotes with their source, resolved speaker and
source type; credits to other outlets; dates resolved against the
publication time; and counted quantities. With --json the article is
printed as JSON, and with --annotations too it gains an "annotations"
object in the shape of 'sitrep annotate' (offsets in code points into
"text").`,
		"  SITREP_DB   database file (default ./sitrep.db)")
	db := fs.String("db", dbPath(env), "database `file`")
	jsonOut := fs.Bool("json", false, "print the article as JSON")
	withAnn := fs.Bool("annotations", false, "print the article's entities, quotes, credits, dates and quantities")
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
	var ann annotate.JSON
	if *withAnn {
		var known []string
		if a.Story != "" {
			if s, err := st.Story(ctx, a.Story); err == nil {
				known = s.Outlets // the story's outlets are recognised as outlets
			}
		}
		ann = annotate.Annotate(a.Text, a.Published, a.Outlet, known...).ToJSON(a.Text)
	}
	if *jsonOut {
		if *withAnn {
			return writeJSON(env.Stdout, struct {
				*model.Article
				Annotations annotate.JSON `json:"annotations"`
			}{a, ann})
		}
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
	if !*withAnn {
		fmt.Fprintf(w, "\n%s\n", a.Text)
		return nil
	}
	printAnnotations(w, ann)
	return nil
}

// printAnnotations lists annotations for a reader, one per line, grouped.
func printAnnotations(w io.Writer, ann annotate.JSON) {
	section := func(title string, n int) bool {
		fmt.Fprintf(w, "\n%s (%d)\n", title, n)
		if n == 0 {
			fmt.Fprintln(w, "  none found")
		}
		return n > 0
	}
	seen := map[string]bool{}
	var ents []annotate.EntityJSON
	for _, e := range ann.Entities {
		if key := e.Type + "\x00" + e.Name; !seen[key] {
			seen[key] = true
			ents = append(ents, e)
		}
	}
	if section("Entities", len(ents)) {
		for _, e := range ents {
			extra := e.Role
			if e.Country != "" {
				extra = strings.TrimPrefix(extra+", "+e.Country, ", ")
			}
			if extra != "" {
				extra = " (" + extra + ")"
			}
			fmt.Fprintf(w, "  %-7s %s%s\n", e.Type, e.Name, extra)
		}
	}
	if section("Quotes", len(ann.Quotes)) {
		for _, q := range ann.Quotes {
			src, content := "-", ""
			if q.Source != nil {
				src = q.Source.Text
			}
			if q.Content != nil {
				content = model.Truncate(q.Content.Text, 90)
			}
			speaker := q.Speaker
			if speaker == "" {
				speaker = "unresolved"
			}
			fmt.Fprintf(w, "  %s → %s [%s]: %s\n", src, speaker, q.SourceType, content)
		}
	}
	if section("Credits", len(ann.Credits)) {
		for _, c := range ann.Credits {
			fmt.Fprintf(w, "  %s (%s): %s\n", c.Outlet, c.Kind, model.Truncate(c.Text, 90))
		}
	}
	if section("Dates", len(ann.Timexes)) {
		for _, t := range ann.Timexes {
			up := ""
			if t.Upcoming {
				up = " upcoming"
			}
			fmt.Fprintf(w, "  %-28s %s %s%s\n", t.Text, t.Type, t.Value, up)
		}
	}
	if section("Quantities", len(ann.Quantities)) {
		for _, q := range ann.Quantities {
			fmt.Fprintf(w, "  %-28s %g %s\n", q.Text, q.Value, q.Unit)
		}
	}
}
