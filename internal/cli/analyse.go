package cli

import (
	"github.com/sitrep/sitrep/internal/cluster"
	"github.com/sitrep/sitrep/internal/copies"
	"github.com/sitrep/sitrep/internal/model"
)

// analyse runs the in-memory pipeline over articles: copy detection, then
// story clustering. It returns the copy status and story key of each
// article, in input order.
func analyse(arts []*model.Article, workers int) ([]copies.Result, []string) {
	docs := make([]copies.Doc, len(arts))
	for i, a := range arts {
		docs[i] = copies.Doc{ID: a.ID, Published: a.Published, Text: a.Text}
	}
	res := copies.Detect(docs, copies.DefaultParams(), workers)
	cdocs := make([]cluster.Doc, len(arts))
	for i, a := range arts {
		cdocs[i] = cluster.Doc{ID: a.ID, Published: a.Published, Title: a.Title, Text: a.Text, CopyOf: res[i].CopyOf}
	}
	return res, cluster.Cluster(cdocs, cluster.DefaultParams(), workers)
}
