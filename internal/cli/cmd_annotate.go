package cli

import (
	"context"
	"fmt"
	"os"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/annotate"
	"github.com/sitrep/sitrep/internal/source"
)

// annotateJSON is the output of 'sitrep annotate': the annotations of the
// annotate contract (DESIGN.md) with the text they point into.
type annotateJSON struct {
	Text      string     `json:"text"`
	Outlet    string     `json:"outlet"`
	Published *time.Time `json:"published"`
	annotate.JSON
}

func runAnnotate(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("annotate", "sitrep annotate [flags] PATH", `
Read one report and print its annotations as one JSON object: sentences;
entities (people, organisations and places, with the canonical name within
the report, a title or role, and for places the country and coordinates);
quotes (source, cue and content spans, the speaker they resolve to, and the
source type: named_person, named_org, anonymous_official, anonymous_source,
document, unnamed or unresolved); credits to other outlets ("was first to
report", "told CNN", "contributed"); time expressions with TIMEX3-style
values resolved against the publication time; and counted quantities.

Offsets count Unicode code points from the start of "text", which is the
clean body (captions, promos and credit lines removed) unless --raw is given:
then the file's text is annotated exactly as given, so offsets match the
file. --published sets the publication time for reports that carry none
(YYYY-MM-DD or RFC 3339); without one, relative dates stay relative.`, "")
	raw := fs.Bool("raw", false, "annotate the file exactly as given (offsets into the file)")
	published := fs.String("published", "", "publication `time` for relative dates (YYYY-MM-DD or RFC 3339)")
	pageURL := fs.String("url", "", "the `address` a saved page was published at")
	paths, err := fs.parsePaths(env, args, "no input: give a text file, a page or a URL")
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return usagef("annotate: give one input, not %d", len(paths))
	}
	var pub time.Time
	if *published != "" {
		if pub, err = source.ParseTime(*published); err != nil {
			return usagef("annotate: --published %q: want YYYY-MM-DD or RFC 3339", *published)
		}
	}
	var text, outlet string
	if *raw {
		b, err := os.ReadFile(paths[0])
		if err != nil {
			return fmt.Errorf("annotate: %w", err)
		}
		if !utf8.Valid(b) {
			return fmt.Errorf("annotate: %s: not UTF-8 text (--raw reads text files as given)", paths[0])
		}
		text = string(b)
	} else {
		a, err := readOne(ctx, env, "annotate", paths[0], *pageURL, false, 30*time.Second)
		if err != nil {
			return err
		}
		text, outlet = a.Text, a.Outlet
		if pub.IsZero() {
			pub = a.Published
		}
	}
	ann := annotate.Annotate(text, pub, outlet)
	out := annotateJSON{Text: text, Outlet: outlet, JSON: ann.ToJSON(text)}
	if !pub.IsZero() {
		out.Published = &pub
	}
	return writeJSON(env.Stdout, out)
}
