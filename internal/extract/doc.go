// Package extract turns a web page or a plain-text report into the clean
// article body and its metadata.
//
// HTML goes through go-trafilatura for the main content and the metadata
// (title, byline, publication date from meta tags, JSON-LD, the URL and the
// text, canonical URL, site name, language); the news cleanup of this package
// then removes what the content still carries and a reader does not count as
// the report: the headline and standfirst repeated at the top, photo
// captions and credits, video promos, "read more" and newsletter prompts,
// outlet markers, datelines, contributor lines and wire sign-offs. Removed
// text is returned as metadata (Removed, Credits, Dateline), never dropped
// silently.
package extract
