package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/store"
)

// AddFeeds implements store.Store.
func (s *Store) AddFeeds(ctx context.Context, feeds []store.Feed) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("add feeds: %w", err)
	}
	defer tx.Rollback()
	added := 0
	for _, f := range feeds {
		now := f.Added
		if now.IsZero() {
			now = time.Now().UTC()
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, title, added, next_poll) VALUES (?, ?, ?, ?)
			ON CONFLICT(url) DO NOTHING`, f.URL, f.Title, now.UnixNano(), now.UnixNano())
		if err != nil {
			return 0, fmt.Errorf("add feed %s: %w", f.URL, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			added++
		} else if f.Title != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE feeds SET title = ? WHERE url = ? AND title = ''`, f.Title, f.URL); err != nil {
				return 0, fmt.Errorf("add feed %s: %w", f.URL, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("add feeds: commit: %w", err)
	}
	return added, nil
}

// Feeds implements store.Store.
func (s *Store) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, title, added, last_polled, next_poll, failures, last_error, articles
		FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var out []store.Feed
	for rows.Next() {
		var (
			f           store.Feed
			added, next int64
			polled      sql.NullInt64
		)
		if err := rows.Scan(&f.URL, &f.Title, &added, &polled, &next, &f.Failures, &f.LastError, &f.Articles); err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		f.Added = time.Unix(0, added).UTC()
		f.NextPoll = time.Unix(0, next).UTC()
		if polled.Valid {
			f.LastPolled = time.Unix(0, polled.Int64).UTC()
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// UpdateFeed implements store.Store.
func (s *Store) UpdateFeed(ctx context.Context, f store.Feed) error {
	res, err := s.db.ExecContext(ctx, `UPDATE feeds SET last_polled = ?, next_poll = ?, failures = ?, last_error = ?, articles = ?
		WHERE url = ?`, nullTime(f.LastPolled), f.NextPoll.UnixNano(), f.Failures, f.LastError, f.Articles, f.URL)
	if err != nil {
		return fmt.Errorf("update feed %s: %w", f.URL, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %s: %w", f.URL, store.ErrNotFound)
	}
	return nil
}

// Outlets implements store.Store.
func (s *Store) Outlets(ctx context.Context) ([]store.OutletCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT outlet, count(*), min(published), max(published) FROM articles
		WHERE outlet <> '' GROUP BY outlet ORDER BY count(*) DESC, outlet`)
	if err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	defer rows.Close()
	var out []store.OutletCount
	for rows.Next() {
		var (
			o           store.OutletCount
			first, last sql.NullInt64
		)
		if err := rows.Scan(&o.Outlet, &o.Articles, &first, &last); err != nil {
			return nil, fmt.Errorf("list outlets: %w", err)
		}
		if first.Valid {
			o.First = time.Unix(0, first.Int64).UTC()
			o.Last = time.Unix(0, last.Int64).UTC()
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
