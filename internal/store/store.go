// Package store defines the Store interface, the single source of truth for
// articles (and, as later stages land, stories and annotations). Backends live
// in sub-packages (store/sqlite); storetest holds the contract suite every
// backend must pass unchanged.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// ErrNotFound is returned when a requested record does not exist.
var ErrNotFound = errors.New("store: not found")

// Outcome says what PutArticles did with one article.
type Outcome int

// Outcomes of writing one article.
const (
	// New: no article had this id.
	New Outcome = iota + 1
	// Updated: an article had this id with other content; it was replaced.
	Updated
	// Unchanged: an article had this id and the same content hash.
	Unchanged
)

func (o Outcome) String() string {
	switch o {
	case New:
		return "new"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	}
	return "unknown"
}

// FetchState is what a fetcher keeps per URL for conditional GET: the
// validators of the last response and when it was checked.
type FetchState struct {
	URL          string
	ETag         string
	LastModified string
	Checked      time.Time
}

// ArticleQuery selects articles to list. Zero fields do not filter.
type ArticleQuery struct {
	Outlet string
	Story  string
	Since  time.Time
	Until  time.Time
	Limit  int // 0 means 50
	Offset int
}

// SearchQuery is a full-text search. Query is what a user types: words
// (all must match), "quoted phrases", prefix* words and OR between terms.
// Backends translate it to their own syntax; no input is a syntax error.
type SearchQuery struct {
	Query  string
	Limit  int // 0 means 20
	Offset int
}

// Snippet markers around matched terms in Hit.Snippet.
const (
	MarkStart = "\x02"
	MarkEnd   = "\x03"
)

// Hit is one search result, best first. Article has no Text, to keep result
// pages small; Snippet is the best-matching passage with matches marked by
// MarkStart and MarkEnd.
type Hit struct {
	Article *model.Article
	Snippet string
	Score   float64 // higher is better; comparable within one result list
}

// StoryQuery selects stories to list.
type StoryQuery struct {
	BySize bool // largest first; else most recently seen first
	Limit  int  // 0 means 50
	Offset int
}

// Membership places one stored article in a story.
type Membership struct {
	ID    string // the article
	Story string // the story's ID
}

// CopyStatus is the copy-detection result of one stored article.
type CopyStatus struct {
	ID         string
	CopyOf     string
	CopyType   string
	Similarity float64
}

// Feed is a news feed the server polls. NextPoll is when it is due; a
// feed that failed Failures times in a row waits longer (backoff).
type Feed struct {
	URL        string    `json:"url"`
	Title      string    `json:"title,omitempty"`
	Added      time.Time `json:"added"`
	LastPolled time.Time `json:"last_polled,omitzero"`
	NextPoll   time.Time `json:"next_poll,omitzero"`
	Failures   int       `json:"failures"`
	LastError  string    `json:"last_error,omitempty"`
	// Articles counts the articles the feed brought in, new or updated.
	Articles int `json:"articles"`
}

// OutletCount is one outlet with how many stored articles it has and the
// publication times of its oldest and newest dated ones.
type OutletCount struct {
	Outlet   string    `json:"outlet"`
	Articles int       `json:"articles"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
}

// Store keeps articles. Every method takes a context first and honours its
// cancellation; errors are returned, never logged. Implementations are safe
// for concurrent use.
type Store interface {
	// PutArticles writes a batch in one transaction: either every article is
	// written or, on error, none is. Articles are keyed by ID; an article
	// whose Hash equals the stored one is left alone (Unchanged), so
	// re-ingesting the same input changes nothing. The outcome slice has one
	// entry per article, in order. Ingested is set for new articles.
	PutArticles(ctx context.Context, articles []*model.Article) ([]Outcome, error)

	// Article returns one article with its text, or ErrNotFound.
	Article(ctx context.Context, id string) (*model.Article, error)

	// Articles lists articles, newest publication first, undated last, then
	// by id, without their text.
	Articles(ctx context.Context, q ArticleQuery) ([]*model.Article, error)

	// Search runs a full-text search over titles and texts, ranked.
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)

	// AllArticles calls fn for every stored article, text included, in
	// storage order, stopping at the first error fn returns.
	AllArticles(ctx context.Context, fn func(*model.Article) error) error

	// SetCopies records copy-detection results in one transaction. Ids that
	// are not stored are ignored. It never changes an article's content hash.
	SetCopies(ctx context.Context, statuses []CopyStatus) error

	// ReplaceStories replaces every story with the given ones and records
	// each article's story, in one transaction. Articles not in members keep
	// no story; ids that are not stored are ignored.
	ReplaceStories(ctx context.Context, stories []*model.Story, members []Membership) error

	// Stories lists stories: most recently seen first (undated last), or
	// largest first; ties by id.
	Stories(ctx context.Context, q StoryQuery) ([]*model.Story, error)

	// Story returns one story, or ErrNotFound.
	Story(ctx context.Context, id string) (*model.Story, error)

	// Count returns the number of stored articles.
	Count(ctx context.Context) (int, error)

	// FetchState returns what was remembered about fetching a URL; a URL
	// never fetched gives the zero state with its URL set.
	FetchState(ctx context.Context, url string) (FetchState, error)

	// PutFetchState remembers the validators of a fetch, replacing the old.
	PutFetchState(ctx context.Context, fs FetchState) error

	// AddFeeds adds feeds to poll, due at once; a URL already there keeps
	// its state (its title is filled in if it had none). It returns how
	// many were new.
	AddFeeds(ctx context.Context, feeds []Feed) (int, error)

	// Feeds lists the feeds, by URL.
	Feeds(ctx context.Context) ([]Feed, error)

	// UpdateFeed records a poll of a feed already added: LastPolled,
	// NextPoll, Failures, LastError and Articles are replaced; a missing
	// URL is ErrNotFound.
	UpdateFeed(ctx context.Context, f Feed) error

	// Outlets lists the outlets of the stored articles, most articles
	// first, then by name; articles with no outlet are left out.
	Outlets(ctx context.Context) ([]OutletCount, error)

	// Close releases the store. Calls after Close fail.
	Close() error
}
