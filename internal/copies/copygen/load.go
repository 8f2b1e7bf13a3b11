package copygen

import (
	"context"
	"strings"

	"github.com/sitrep/sitrep/internal/source"
)

// Load reads articles from JSONL or text inputs, with their "section" as the
// topic where the input has one (BBC) and the first word of the title
// otherwise. Articles under minWords words are left out.
func Load(ctx context.Context, paths []string, minWords int) ([]Article, error) {
	var out []Article
	err := source.Read(ctx, paths, source.Options{}, func(it source.Item) error {
		a, err := source.Parse(it)
		if err != nil || len(strings.Fields(a.Text)) < minWords {
			return nil
		}
		topic := section(it.Data)
		if topic == "" {
			topic, _, _ = strings.Cut(strings.ToLower(a.Title), " ")
		}
		out = append(out, Article{ID: a.ID, Topic: topic, Text: a.Text})
		return nil
	})
	return out, err
}

// section pulls the "section" field out of a JSON record without a second
// full decode of the article.
func section(data []byte) string {
	s := string(data)
	i := strings.Index(s, `"section"`)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(s[i+len(`"section"`):], " :")
	if !strings.HasPrefix(rest, `"`) {
		return ""
	}
	end := strings.IndexByte(rest[1:], '"')
	if end < 0 {
		return ""
	}
	return rest[1 : end+1]
}
