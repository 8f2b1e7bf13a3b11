package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
	"github.com/sitrep/sitrep/internal/store/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		return checkedStore{st, t}
	})
}

// checkedStore runs SQLite's integrity check (FTS index included) before it
// closes, so every contract test also proves the file is consistent.
type checkedStore struct {
	*sqlite.Store
	t *testing.T
}

func (c checkedStore) Close() error {
	if err := c.IntegrityCheck(context.Background()); err != nil {
		c.t.Errorf("after test: %v", err)
	}
	return c.Store.Close()
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "re.db")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := storetestArticle()
	if _, err := st.PutArticles(ctx, a); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	if n, err := st.Count(ctx); err != nil || n != 1 {
		t.Fatalf("after reopen Count = %d, %v; want 1", n, err)
	}
}

func TestOpenRefusesGarbage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junk.db")
	if err := writeFile(path, "this is not a database, just text that is long enough to look like a header"); err != nil {
		t.Fatal(err)
	}
	if st, err := sqlite.Open(context.Background(), path); err == nil {
		st.Close()
		t.Fatal("Open accepted a file that is not a database")
	}
}
