package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/cluster"
	"github.com/sitrep/sitrep/internal/copies"
	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/parallel"
	"github.com/sitrep/sitrep/internal/store"
)

// Analyse runs the whole-collection stages over articles in memory: copy
// detection, then story clustering. It sets each article's CopyOf,
// CopyType, CopySim and Story, and returns the stories, largest first.
// The result does not depend on workers.
func Analyse(arts []*model.Article, workers int) []*model.Story {
	docs := make([]copies.Doc, len(arts))
	for i, a := range arts {
		docs[i] = copies.Doc{ID: a.ID, Published: a.Published, Text: a.Text}
	}
	res := copies.Detect(docs, copies.DefaultParams(), workers)
	cdocs := make([]cluster.Doc, len(arts))
	for i, a := range arts {
		a.CopyOf, a.CopyType, a.CopySim = res[i].CopyOf, res[i].Type, res[i].Similarity
		cdocs[i] = cluster.Doc{ID: a.ID, Published: a.Published, Title: a.Title, Text: a.Text, CopyOf: a.CopyOf}
	}
	p := cluster.DefaultParams()
	keys := cluster.Cluster(cdocs, p, workers)
	for i, a := range arts {
		a.Story = keys[i]
	}
	return summarize(arts, p.Background, workers)
}

// summarize builds the story records from articles with Story set, on up
// to workers goroutines (one story each at a time).
func summarize(arts []*model.Article, bg *cluster.Background, workers int) []*model.Story {
	times := make([]time.Time, len(arts))
	for i, a := range arts {
		times[i] = a.Published
	}
	members := map[string][]cluster.Member{}
	var order []string
	for _, i := range model.Chronological(times) {
		a := arts[i]
		if members[a.Story] == nil {
			order = append(order, a.Story)
		}
		members[a.Story] = append(members[a.Story], cluster.Member{Title: a.Title, Text: a.Text, Outlet: a.Outlet, Published: a.Published})
	}
	out := make([]*model.Story, len(order))
	parallel.For(len(order), workers, func(i int) { out[i] = cluster.Summarize(order[i], members[order[i]], bg) })
	return out
}

// AnalyseReport says what AnalyseStore found.
type AnalyseReport struct {
	Articles int           `json:"articles"`
	Copies   int           `json:"copies"`
	Stories  int           `json:"stories"`
	Elapsed  time.Duration `json:"elapsed_ns"`
}

// AnalyseStore runs Analyse over every stored article and records the
// copy statuses and stories, replacing earlier ones. It returns the
// articles as analysed, text included. Articles are taken in
// publication order, so adding later reports leaves earlier stories' keys
// as they were unless the new reports join or bridge them.
func AnalyseStore(ctx context.Context, st store.Store, workers int) (AnalyseReport, []*model.Article, error) {
	start := time.Now()
	var arts []*model.Article
	if err := st.AllArticles(ctx, func(a *model.Article) error { arts = append(arts, a); return nil }); err != nil {
		return AnalyseReport{}, nil, err
	}
	stories := Analyse(arts, workers)
	statuses := make([]store.CopyStatus, len(arts))
	members := make([]store.Membership, len(arts))
	rep := AnalyseReport{Articles: len(arts), Stories: len(stories)}
	for i, a := range arts {
		statuses[i] = store.CopyStatus{ID: a.ID, CopyOf: a.CopyOf, CopyType: a.CopyType, Similarity: a.CopySim}
		members[i] = store.Membership{ID: a.ID, Story: a.Story}
		if a.CopyOf != "" {
			rep.Copies++
		}
	}
	if err := st.SetCopies(ctx, statuses); err != nil {
		return rep, nil, fmt.Errorf("analyse: %w", err)
	}
	if err := st.ReplaceStories(ctx, stories, members); err != nil {
		return rep, nil, fmt.Errorf("analyse: %w", err)
	}
	rep.Elapsed = time.Since(start)
	return rep, arts, nil
}

// StoryArticles returns the stored articles of one story with their text,
// oldest first, ready for a brief; an unknown story is store.ErrNotFound.
func StoryArticles(ctx context.Context, st store.Store, id string) (*model.Story, []*model.Article, error) {
	s, err := st.Story(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	list, err := st.Articles(ctx, store.ArticleQuery{Story: s.ID, Limit: max(s.Size, 1)})
	if err != nil {
		return nil, nil, err
	}
	arts := make([]*model.Article, 0, len(list))
	for i := len(list) - 1; i >= 0; i-- { // listed newest first
		a, err := st.Article(ctx, list[i].ID)
		if err != nil {
			return nil, nil, fmt.Errorf("story %s: %w", id, err)
		}
		arts = append(arts, a)
	}
	return s, arts, nil
}
