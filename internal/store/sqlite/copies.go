package sqlite

import (
	"context"
	"fmt"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// AllArticles implements store.Store.
func (s *Store) AllArticles(ctx context.Context, fn func(*model.Article) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+`, text FROM articles ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows, true)
		if err != nil {
			return fmt.Errorf("read articles: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SetCopies implements store.Store.
func (s *Store) SetCopies(ctx context.Context, statuses []store.CopyStatus) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set copies: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `UPDATE articles SET copy_of = ?, copy_type = ?, copy_sim = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("set copies: %w", err)
	}
	defer st.Close()
	for _, c := range statuses {
		if _, err := st.ExecContext(ctx, c.CopyOf, c.CopyType, c.Similarity, c.ID); err != nil {
			return fmt.Errorf("set copies of %s: %w", c.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set copies: commit: %w", err)
	}
	return nil
}
