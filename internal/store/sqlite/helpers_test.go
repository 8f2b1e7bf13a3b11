package sqlite_test

import (
	"os"

	"github.com/sitrep/sitrep/internal/model"
)

func storetestArticle() []*model.Article {
	a := &model.Article{ID: "one", Title: "One", Text: "Some text."}
	a.Hash = a.ContentHash()
	return []*model.Article{a}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }
