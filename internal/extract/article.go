package extract

import (
	"errors"
	"time"

	"github.com/sitrep/sitrep/internal/model"
)

// Article is what extraction yields for one page or text: the clean body and
// the metadata found on the way.
type Article struct {
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	Byline    string    `json:"byline,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang,omitempty"`
	SiteName  string    `json:"site_name,omitempty"`
	Text      string    `json:"text"`
	Credits   []string  `json:"credits,omitempty"`
	Dateline  string    `json:"dateline,omitempty"`
	// Removed lists everything taken out of the body, in order, so nothing
	// is lost: captions, promos, markers, rules, prompts, repeated headlines.
	Removed []Removed `json:"removed,omitempty"`
}

// Removed is one piece of text the cleanup took out of the body.
type Removed = model.Removed

// Kinds of removed text.
const (
	KindHeadline    = "headline"    // the title or standfirst repeated at the top
	KindByline      = "byline"      // "By …" and date lines at the top
	KindCaption     = "caption"     // photo captions and credits
	KindPromo       = "promo"       // video promos, related-story links
	KindPrompt      = "prompt"      // newsletter, social, subscription and legal prompts
	KindMarker      = "marker"      // "CNN —"
	KindDateline    = "dateline"    // "BAGHDAD –"
	KindRule        = "rule"        // "– – –"
	KindCredit      = "credit"      // contributor and "reported from" lines
	KindSignoff     = "signoff"     // "REUTER"
	KindBoilerplate = "boilerplate" // link runs and other page furniture
)

// Errors extraction reports.
var (
	ErrNoArticle = errors.New("no article text found in the page")
	ErrTooLarge  = errors.New("page too large")
)
