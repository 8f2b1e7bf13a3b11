package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// PutArticles implements store.Store.
func (s *Store) PutArticles(ctx context.Context, articles []*model.Article) ([]store.Outcome, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	defer tx.Rollback()
	stmts, err := preparePut(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	defer stmts.close()
	var lastSeq int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM articles`).Scan(&lastSeq); err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	now := time.Now().UTC()
	out := make([]store.Outcome, len(articles))
	for i, a := range articles {
		if a == nil || a.ID == "" {
			return nil, fmt.Errorf("put articles: article %d has no id", i)
		}
		if out[i], err = stmts.put(ctx, a, now, lastSeq); err != nil {
			return nil, fmt.Errorf("put article %s: %w", a.ID, err)
		}
	}
	// Rows are numbered upwards and the write lock is held, so the batch's
	// new rows are exactly those past lastSeq.
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text)
		SELECT seq, title, text FROM articles WHERE seq > ?`, lastSeq); err != nil {
		return nil, fmt.Errorf("put articles: index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put articles: commit: %w", err)
	}
	return out, nil
}

type putStmts struct {
	lookup, insert, unindex, update, reindex *sql.Stmt
}

func preparePut(ctx context.Context, tx *sql.Tx) (*putStmts, error) {
	var p putStmts
	var err error
	if p.lookup, err = tx.PrepareContext(ctx, `SELECT seq, hash FROM articles WHERE id = ?`); err != nil {
		return nil, err
	}
	if p.insert, err = tx.PrepareContext(ctx, `INSERT INTO articles
		(id, url, outlet, title, byline, published, ingested, lang, text, source_format, credits, dateline, hash,
		 copy_of, copy_type, copy_sim, story)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return nil, err
	}
	if p.unindex, err = tx.PrepareContext(ctx, `INSERT INTO articles_fts(articles_fts, rowid, title, text)
		SELECT 'delete', seq, title, text FROM articles WHERE id = ?`); err != nil {
		return nil, err
	}
	if p.reindex, err = tx.PrepareContext(ctx, `INSERT INTO articles_fts(rowid, title, text)
		SELECT seq, title, text FROM articles WHERE id = ?`); err != nil {
		return nil, err
	}
	if p.update, err = tx.PrepareContext(ctx, `UPDATE articles SET
		url = ?, outlet = ?, title = ?, byline = ?, published = ?, lang = ?, text = ?, source_format = ?,
		credits = ?, dateline = ?, hash = ?, copy_of = ?, copy_type = ?, copy_sim = ?, story = ?
		WHERE id = ?`); err != nil {
		return nil, err
	}
	return &p, nil
}

func (p *putStmts) close() {
	for _, st := range []*sql.Stmt{p.lookup, p.insert, p.unindex, p.update, p.reindex} {
		if st != nil {
			st.Close()
		}
	}
}

// put writes one article. Rows past lastSeq are new in this batch and are
// indexed when the batch ends; older rows are re-indexed here on update.
func (p *putStmts) put(ctx context.Context, a *model.Article, now time.Time, lastSeq int64) (store.Outcome, error) {
	hash := a.Hash
	if hash == "" {
		hash = a.ContentHash()
	}
	var (
		seq int64
		old string
	)
	err := p.lookup.QueryRowContext(ctx, a.ID).Scan(&seq, &old)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		ingested := a.Ingested
		if ingested.IsZero() {
			ingested = now
		}
		_, err = p.insert.ExecContext(ctx, a.ID, a.URL, a.Outlet, a.Title, a.Byline, nullTime(a.Published),
			ingested.UnixNano(), a.Lang, a.Text, a.SourceFormat, credits(a.Credits), a.Dateline, hash,
			a.CopyOf, a.CopyType, a.CopySim, a.Story)
		return store.New, err
	case err != nil:
		return 0, err
	case old == hash:
		return store.Unchanged, nil
	}
	indexed := seq <= lastSeq
	if indexed {
		if _, err := p.unindex.ExecContext(ctx, a.ID); err != nil {
			return 0, err
		}
	}
	if _, err := p.update.ExecContext(ctx, a.URL, a.Outlet, a.Title, a.Byline, nullTime(a.Published), a.Lang, a.Text,
		a.SourceFormat, credits(a.Credits), a.Dateline, hash, a.CopyOf, a.CopyType, a.CopySim, a.Story, a.ID); err != nil {
		return 0, err
	}
	if indexed {
		_, err = p.reindex.ExecContext(ctx, a.ID)
	}
	return store.Updated, err
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

func credits(c []string) string {
	if len(c) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(c)
	return string(b)
}

const articleColumns = `id, url, outlet, title, byline, published, ingested, lang, source_format, credits, dateline,
	hash, copy_of, copy_type, copy_sim, story`

// scanArticle reads articleColumns (and text, when withText) from one row.
func scanArticle(row interface{ Scan(...any) error }, withText bool, extra ...any) (*model.Article, error) {
	var (
		a         model.Article
		published sql.NullInt64
		ingested  int64
		creds     string
	)
	dest := []any{&a.ID, &a.URL, &a.Outlet, &a.Title, &a.Byline, &published, &ingested, &a.Lang, &a.SourceFormat,
		&creds, &a.Dateline, &a.Hash, &a.CopyOf, &a.CopyType, &a.CopySim, &a.Story}
	if withText {
		dest = append(dest, &a.Text)
	}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	if published.Valid {
		a.Published = time.Unix(0, published.Int64).UTC()
	}
	a.Ingested = time.Unix(0, ingested).UTC()
	if creds != "" && creds != "[]" {
		if err := json.Unmarshal([]byte(creds), &a.Credits); err != nil {
			return nil, fmt.Errorf("article %s: credits: %w", a.ID, err)
		}
	}
	return &a, nil
}

// Article implements store.Store.
func (s *Store) Article(ctx context.Context, id string) (*model.Article, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+articleColumns+`, text FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %q: %w", id, err)
	}
	return a, nil
}

// Articles implements store.Store.
func (s *Store) Articles(ctx context.Context, q store.ArticleQuery) ([]*model.Article, error) {
	var (
		where []string
		args  []any
	)
	if q.Outlet != "" {
		where, args = append(where, `outlet = ? COLLATE NOCASE`), append(args, q.Outlet)
	}
	if !q.Since.IsZero() {
		where, args = append(where, `published >= ?`), append(args, q.Since.UnixNano())
	}
	if !q.Until.IsZero() {
		where, args = append(where, `published < ?`), append(args, q.Until.UnixNano())
	}
	query := `SELECT ` + articleColumns + ` FROM articles`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY published IS NULL, published DESC, id LIMIT ? OFFSET ?`
	args = append(args, limit(q.Limit, 50), max(q.Offset, 0))
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []*model.Article
	for rows.Next() {
		a, err := scanArticle(rows, false)
		if err != nil {
			return nil, fmt.Errorf("list articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Count implements store.Store.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

func limit(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}
