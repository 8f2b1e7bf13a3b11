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

// PutArticles implements store.Store. It looks up the batch's ids in one
// query and inserts new rows several per statement: per-statement overhead,
// not SQLite itself, dominates a row-at-a-time writer.
func (s *Store) PutArticles(ctx context.Context, articles []*model.Article) ([]store.Outcome, error) {
	for i, a := range articles {
		if a == nil || a.ID == "" {
			return nil, fmt.Errorf("put articles: article %d has no id", i)
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	defer tx.Rollback()
	w, err := newBatchWriter(ctx, tx, articles)
	if err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	defer w.close()
	out := make([]store.Outcome, len(articles))
	for i, a := range articles {
		if out[i], err = w.put(ctx, a); err != nil {
			return nil, fmt.Errorf("put article %s: %w", a.ID, err)
		}
	}
	if err := w.flush(ctx); err != nil {
		return nil, fmt.Errorf("put articles: %w", err)
	}
	// Rows are numbered upwards and the write lock is held, so the batch's
	// new rows are exactly those past lastSeq.
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text)
		SELECT seq, title, text FROM articles WHERE seq > ?`, w.lastSeq); err != nil {
		return nil, fmt.Errorf("put articles: index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put articles: commit: %w", err)
	}
	return out, nil
}

const insertColumns = `(id, url, outlet, title, byline, published, ingested, lang, text, source_format, credits,
	dateline, hash, copy_of, copy_type, copy_sim, story, removed)`

// insertRows is how many rows one INSERT statement carries.
const insertRows = 32

// batchWriter writes one batch inside one transaction.
type batchWriter struct {
	tx       *sql.Tx
	now      time.Time
	lastSeq  int64            // the highest seq before this batch
	stored   map[string]*slot // ids already stored, or pending insert in this batch
	pending  []*model.Article // new articles not yet inserted
	insertN  *sql.Stmt        // insertRows rows at once
	insert1  *sql.Stmt
	unindex  *sql.Stmt
	update   *sql.Stmt
	reindex  *sql.Stmt
	prepared []*sql.Stmt
}

type slot struct {
	seq     int64 // 0 while the row is pending
	hash    string
	pending int // index in pending, valid while seq is 0
}

func newBatchWriter(ctx context.Context, tx *sql.Tx, articles []*model.Article) (*batchWriter, error) {
	w := &batchWriter{tx: tx, now: time.Now().UTC(), stored: make(map[string]*slot, len(articles))}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM articles`).Scan(&w.lastSeq); err != nil {
		return nil, err
	}
	if err := w.lookup(ctx, articles); err != nil {
		return nil, err
	}
	one := `(` + strings.TrimSuffix(strings.Repeat("?, ", 18), ", ") + `)`
	for _, p := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&w.insert1, `INSERT INTO articles ` + insertColumns + ` VALUES ` + one},
		{&w.insertN, `INSERT INTO articles ` + insertColumns + ` VALUES ` + strings.TrimSuffix(strings.Repeat(one+", ", insertRows), ", ")},
		{&w.unindex, `INSERT INTO articles_fts(articles_fts, rowid, title, text)
			SELECT 'delete', seq, title, text FROM articles WHERE id = ?`},
		{&w.reindex, `INSERT INTO articles_fts(rowid, title, text) SELECT seq, title, text FROM articles WHERE id = ?`},
		{&w.update, `UPDATE articles SET url = ?, outlet = ?, title = ?, byline = ?, published = ?, lang = ?,
			text = ?, source_format = ?, credits = ?, dateline = ?, hash = ?, copy_of = ?, copy_type = ?,
			copy_sim = ?, story = ?, removed = ? WHERE id = ?`},
	} {
		st, err := tx.PrepareContext(ctx, p.query)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.dst = st
		w.prepared = append(w.prepared, st)
	}
	return w, nil
}

// lookup loads the seq and hash of every id of the batch already stored.
func (w *batchWriter) lookup(ctx context.Context, articles []*model.Article) error {
	ids := make([]string, len(articles))
	for i, a := range articles {
		ids[i] = a.ID
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	rows, err := w.tx.QueryContext(ctx, `SELECT id, seq, hash FROM articles
		WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id string
			s  slot
		)
		if err := rows.Scan(&id, &s.seq, &s.hash); err != nil {
			return err
		}
		w.stored[id] = &s
	}
	return rows.Err()
}

func (w *batchWriter) close() {
	for _, st := range w.prepared {
		st.Close()
	}
}

// put writes one article. Rows past lastSeq are new in this batch and are
// indexed when the batch ends; older rows are re-indexed here on update.
func (w *batchWriter) put(ctx context.Context, a *model.Article) (store.Outcome, error) {
	hash := a.Hash
	if hash == "" {
		hash = a.ContentHash()
	}
	s, ok := w.stored[a.ID]
	switch {
	case !ok:
		w.stored[a.ID] = &slot{hash: hash, pending: len(w.pending)}
		w.pending = append(w.pending, a)
		if len(w.pending)%insertRows == 0 {
			return store.New, w.flush(ctx)
		}
		return store.New, nil
	case s.hash == hash:
		return store.Unchanged, nil
	case s.seq == 0: // still pending: insert the newer version instead
		w.pending[s.pending], s.hash = a, hash
		return store.Updated, nil
	}
	s.hash = hash
	indexed := s.seq <= w.lastSeq
	if indexed {
		if _, err := w.unindex.ExecContext(ctx, a.ID); err != nil {
			return 0, err
		}
	}
	if _, err := w.update.ExecContext(ctx, a.URL, a.Outlet, a.Title, a.Byline, nullTime(a.Published), a.Lang, a.Text,
		a.SourceFormat, credits(a.Credits), a.Dateline, hash, a.CopyOf, a.CopyType, a.CopySim, a.Story, removed(a.Removed), a.ID); err != nil {
		return 0, err
	}
	if indexed {
		if _, err := w.reindex.ExecContext(ctx, a.ID); err != nil {
			return 0, err
		}
	}
	return store.Updated, nil
}

// flush inserts the pending articles, insertRows per statement where it can.
func (w *batchWriter) flush(ctx context.Context) error {
	rest := w.pending
	for len(rest) > 0 {
		n, st := 1, w.insert1
		if len(rest) >= insertRows {
			n, st = insertRows, w.insertN
		}
		args := make([]any, 0, 18*n)
		for _, a := range rest[:n] {
			ingested := a.Ingested
			if ingested.IsZero() {
				ingested = w.now
			}
			hash := w.stored[a.ID].hash
			args = append(args, a.ID, a.URL, a.Outlet, a.Title, a.Byline, nullTime(a.Published), ingested.UnixNano(),
				a.Lang, a.Text, a.SourceFormat, credits(a.Credits), a.Dateline, hash, a.CopyOf, a.CopyType, a.CopySim, a.Story,
				removed(a.Removed))
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return err
		}
		rest = rest[n:]
	}
	for _, a := range w.pending {
		w.stored[a.ID].seq = w.lastSeq + 1 // any seq past lastSeq: inserted in this batch
	}
	w.pending = w.pending[:0]
	return nil
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

func removed(r []model.Removed) string {
	if len(r) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(r)
	return string(b)
}

const articleColumns = `id, url, outlet, title, byline, published, ingested, lang, source_format, credits, dateline,
	hash, copy_of, copy_type, copy_sim, story, removed`

// scanArticle reads articleColumns (and text, when withText) from one row.
func scanArticle(row interface{ Scan(...any) error }, withText bool, extra ...any) (*model.Article, error) {
	var (
		a         model.Article
		published sql.NullInt64
		ingested  int64
		creds     string
		rem       string
	)
	dest := []any{&a.ID, &a.URL, &a.Outlet, &a.Title, &a.Byline, &published, &ingested, &a.Lang, &a.SourceFormat,
		&creds, &a.Dateline, &a.Hash, &a.CopyOf, &a.CopyType, &a.CopySim, &a.Story, &rem}
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
	if rem != "" && rem != "[]" {
		if err := json.Unmarshal([]byte(rem), &a.Removed); err != nil {
			return nil, fmt.Errorf("article %s: removed: %w", a.ID, err)
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
	if q.Story != "" {
		where, args = append(where, `story = ?`), append(args, q.Story)
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
