package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/store"
)

// FetchState implements store.Store.
func (s *Store) FetchState(ctx context.Context, url string) (store.FetchState, error) {
	fs := store.FetchState{URL: url}
	var checked int64
	err := s.db.QueryRowContext(ctx, `SELECT etag, last_modified, checked FROM fetch_state WHERE url = ?`, url).
		Scan(&fs.ETag, &fs.LastModified, &checked)
	if errors.Is(err, sql.ErrNoRows) {
		return fs, nil
	}
	if err != nil {
		return fs, fmt.Errorf("fetch state of %s: %w", url, err)
	}
	fs.Checked = time.Unix(0, checked).UTC()
	return fs, nil
}

// PutFetchState implements store.Store.
func (s *Store) PutFetchState(ctx context.Context, fs store.FetchState) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO fetch_state (url, etag, last_modified, checked) VALUES (?, ?, ?, ?)
		ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked = excluded.checked`,
		fs.URL, fs.ETag, fs.LastModified, fs.Checked.UnixNano())
	if err != nil {
		return fmt.Errorf("fetch state of %s: %w", fs.URL, err)
	}
	return nil
}
