package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
)

// ReplaceStories implements store.Store.
func (s *Store) ReplaceStories(ctx context.Context, stories []*model.Story, members []store.Membership) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("replace stories: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM stories`, `UPDATE articles SET story = '' WHERE story <> ''`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("replace stories: %w", err)
		}
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO stories (id, title, first_seen, last_seen, size, outlets, terms, entities)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("replace stories: %w", err)
	}
	defer ins.Close()
	for _, st := range stories {
		if _, err := ins.ExecContext(ctx, st.ID, st.Title, nullTime(st.FirstSeen), nullTime(st.LastSeen), st.Size,
			credits(st.Outlets), credits(st.Terms), credits(st.Entities)); err != nil {
			return fmt.Errorf("store story %s: %w", st.ID, err)
		}
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE articles SET story = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("replace stories: %w", err)
	}
	defer upd.Close()
	for _, m := range members {
		if _, err := upd.ExecContext(ctx, m.Story, m.ID); err != nil {
			return fmt.Errorf("set story of %s: %w", m.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("replace stories: commit: %w", err)
	}
	return nil
}

const storyColumns = `id, title, first_seen, last_seen, size, outlets, terms, entities`

// Stories implements store.Store.
func (s *Store) Stories(ctx context.Context, q store.StoryQuery) ([]*model.Story, error) {
	order := `last_seen IS NULL, last_seen DESC, id`
	if q.BySize {
		order = `size DESC, id`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories ORDER BY `+order+` LIMIT ? OFFSET ?`,
		limit(q.Limit, 50), max(q.Offset, 0))
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var out []*model.Story
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Story implements store.Store.
func (s *Store) Story(ctx context.Context, id string) (*model.Story, error) {
	st, err := scanStory(s.db.QueryRowContext(ctx, `SELECT `+storyColumns+` FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	return st, nil
}

func scanStory(row interface{ Scan(...any) error }) (*model.Story, error) {
	var (
		st                      model.Story
		first, last             sql.NullInt64
		outlets, terms, entites string
	)
	if err := row.Scan(&st.ID, &st.Title, &first, &last, &st.Size, &outlets, &terms, &entites); err != nil {
		return nil, err
	}
	if first.Valid {
		st.FirstSeen = time.Unix(0, first.Int64).UTC()
	}
	if last.Valid {
		st.LastSeen = time.Unix(0, last.Int64).UTC()
	}
	for _, f := range []struct {
		raw string
		dst *[]string
	}{{outlets, &st.Outlets}, {terms, &st.Terms}, {entites, &st.Entities}} {
		if err := json.Unmarshal([]byte(f.raw), f.dst); err != nil {
			return nil, fmt.Errorf("story %s: %w", st.ID, err)
		}
	}
	return &st, nil
}
