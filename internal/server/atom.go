package server

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title      string      `xml:"title"`
	ID         string      `xml:"id"`
	Updated    string      `xml:"updated"`
	Published  string      `xml:"published,omitempty"`
	Links      []atomLink  `xml:"link"`
	Summary    string      `xml:"summary"`
	Categories []atomCateg `xml:"category"`
}

type atomCateg struct {
	Term string `xml:"term,attr"`
}

// atom serves the stories as an Atom feed, most recently seen first, with
// the filters of the story list (q, outlet, entity, since, until).
func (s *Server) atom(w http.ResponseWriter, r *http.Request) {
	f, err := parseStoryFilter(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f.BySize, f.Offset = false, 0
	if r.URL.Query().Get("limit") == "" {
		f.Limit = 50
	}
	p, err := s.findStories(r, f)
	if err != nil {
		logFrom(r).Error("atom", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	base := baseURL(r)
	self := base + r.URL.RequestURI()
	title := "sitrep: latest stories"
	if f.Query != "" {
		title = fmt.Sprintf("sitrep: stories about %q", f.Query)
	}
	feed := atomFeed{Title: title, ID: self, Author: atomAuthor{Name: "sitrep"},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self}, {Rel: "alternate", Type: "text/html", Href: base + "/"}}}
	var newest time.Time
	for _, st := range p.Stories {
		updated := st.LastSeen
		if updated.IsZero() {
			updated = time.Unix(0, 0).UTC()
		}
		if updated.After(newest) {
			newest = updated
		}
		e := atomEntry{
			Title:   st.Title,
			ID:      "urn:sitrep:story:" + url.PathEscape(st.ID),
			Updated: updated.Format(time.RFC3339),
			Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: base + "/stories/" + url.PathEscape(st.ID)}},
			Summary: fmt.Sprintf("%d reports from %d outlets: %s", st.Size, len(st.Outlets), strings.Join(st.Outlets, ", ")),
		}
		if !st.FirstSeen.IsZero() {
			e.Published = st.FirstSeen.Format(time.RFC3339)
		}
		for _, t := range st.Entities {
			e.Categories = append(e.Categories, atomCateg{Term: t})
		}
		feed.Entries = append(feed.Entries, e)
	}
	if newest.IsZero() {
		newest = time.Unix(0, 0).UTC()
	}
	feed.Updated = newest.Format(time.RFC3339)
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		logFrom(r).Error("atom", "err", err)
	}
}

// baseURL is the scheme and host the request reached.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
