package sqlite

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/internal/store"
)

// Search implements store.Store with FTS5, ranked by BM25 with title matches
// weighted above body matches.
func (s *Store) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	match := ftsQuery(q.Query)
	if match == "" {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+prefixed("a.", articleColumns)+`,
			snippet(articles_fts, 1, ?, ?, '…', 16), bm25(articles_fts, 5.0, 1.0) AS score
		FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
		WHERE articles_fts MATCH ?
		ORDER BY score, a.id LIMIT ? OFFSET ?`,
		store.MarkStart, store.MarkEnd, match, limit(q.Limit, 20), max(q.Offset, 0))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Query, err)
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		a, err := scanArticle(rows, false, &h.Snippet, &h.Score)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Query, err)
		}
		h.Article = a
		h.Score = -h.Score // bm25() is lower-is-better
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}

// ftsQuery turns what a user types into an FTS5 expression that cannot be a
// syntax error: every word and phrase is quoted, a trailing * makes a prefix
// query, and a bare OR joins its neighbours.
func ftsQuery(q string) string {
	var terms []string
	for _, tok := range tokenizeQuery(q) {
		if tok == "OR" {
			if len(terms) > 0 && terms[len(terms)-1] != "OR" {
				terms = append(terms, "OR")
			}
			continue
		}
		prefix := strings.HasSuffix(tok, "*")
		words := strings.FieldsFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(words) == 0 {
			continue
		}
		term := `"` + strings.Join(words, " ") + `"`
		if prefix {
			term += "*"
		}
		terms = append(terms, term)
	}
	for len(terms) > 0 && terms[len(terms)-1] == "OR" {
		terms = terms[:len(terms)-1]
	}
	if len(terms) > 0 && terms[0] == "OR" {
		terms = terms[1:]
	}
	return strings.Join(terms, " ")
}

// tokenizeQuery splits on spaces, keeping "double-quoted phrases" whole.
func tokenizeQuery(q string) []string {
	var toks []string
	for q = strings.TrimSpace(q); q != ""; q = strings.TrimSpace(q) {
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 {
				toks = append(toks, q[1:])
				break
			}
			toks = append(toks, q[1:end+1])
			q = q[end+2:]
			continue
		}
		end := strings.IndexFunc(q, unicode.IsSpace)
		if end < 0 {
			end = len(q)
		}
		toks = append(toks, q[:end])
		q = q[end:]
	}
	return toks
}
