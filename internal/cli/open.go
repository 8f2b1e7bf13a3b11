package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// openStore picks the backend from the DSN: a file path (or sqlite:PATH) is
// SQLite; a postgres:// URL is refused until that backend exists.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return nil, fmt.Errorf("open %s: the PostgreSQL backend is not available in this build", redactDSN(dsn))
	}
	return sqlite.Open(ctx, dsn)
}

// redactDSN hides a password in a URL-style DSN, so it never reaches a log.
func redactDSN(dsn string) string {
	at := strings.LastIndexByte(dsn, '@')
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	return dsn[:scheme+3] + "…@" + dsn[at+1:]
}
