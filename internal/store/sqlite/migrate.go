package sqlite

import (
	"context"
	"fmt"
)

// migrations is append-only: the schema version is the number of entries
// applied, kept in PRAGMA user_version. Each runs in its own transaction.
var migrations = []string{
	`CREATE TABLE articles (
		seq           INTEGER PRIMARY KEY,
		id            TEXT NOT NULL UNIQUE,
		url           TEXT NOT NULL DEFAULT '',
		outlet        TEXT NOT NULL DEFAULT '',
		title         TEXT NOT NULL DEFAULT '',
		byline        TEXT NOT NULL DEFAULT '',
		published     INTEGER,
		ingested      INTEGER NOT NULL,
		lang          TEXT NOT NULL DEFAULT '',
		text          TEXT NOT NULL,
		source_format TEXT NOT NULL DEFAULT '',
		credits       TEXT NOT NULL DEFAULT '[]',
		dateline      TEXT NOT NULL DEFAULT '',
		hash          TEXT NOT NULL,
		copy_of       TEXT NOT NULL DEFAULT '',
		copy_type     TEXT NOT NULL DEFAULT '',
		copy_sim      REAL NOT NULL DEFAULT 0,
		story         TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX articles_published ON articles(published DESC, id);
	CREATE INDEX articles_outlet ON articles(outlet);
	-- Inserts and updates reach the index from PutArticles, once per batch:
	-- FTS5 flushes its pending terms at every statement savepoint, so an
	-- insert trigger would write one index segment per article.
	CREATE VIRTUAL TABLE articles_fts USING fts5(
		title, text, content='articles', content_rowid='seq',
		tokenize='porter unicode61 remove_diacritics 2'
	);
	CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
		INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
	END;`,
	`CREATE TABLE stories (
		id         TEXT PRIMARY KEY,
		title      TEXT NOT NULL DEFAULT '',
		first_seen INTEGER,
		last_seen  INTEGER,
		size       INTEGER NOT NULL,
		outlets    TEXT NOT NULL DEFAULT '[]',
		terms      TEXT NOT NULL DEFAULT '[]',
		entities   TEXT NOT NULL DEFAULT '[]'
	);
	CREATE INDEX stories_last_seen ON stories(last_seen DESC, id);
	CREATE INDEX stories_size ON stories(size DESC, id);
	CREATE INDEX articles_story ON articles(story);`,
	`ALTER TABLE articles ADD COLUMN removed TEXT NOT NULL DEFAULT '[]';
	CREATE TABLE fetch_state (
		url           TEXT PRIMARY KEY,
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		checked       INTEGER NOT NULL
	);`,
	`CREATE TABLE feeds (
		url         TEXT PRIMARY KEY,
		title       TEXT NOT NULL DEFAULT '',
		added       INTEGER NOT NULL,
		last_polled INTEGER,
		next_poll   INTEGER NOT NULL,
		failures    INTEGER NOT NULL DEFAULT 0,
		last_error  TEXT NOT NULL DEFAULT '',
		articles    INTEGER NOT NULL DEFAULT 0
	);`,
}

func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this sitrep (%d): upgrade sitrep", version, len(migrations))
	}
	for v := version; v < len(migrations); v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	return nil
}
