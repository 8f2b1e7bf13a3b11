package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/sitrep/sitrep/internal/fetch"
	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/source"
	"github.com/sitrep/sitrep/internal/store"
)

func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet("serve", "sitrep serve [flags]", `
Serve the stored stories over HTTP: a web UI (the story list, each story's
brief with its coverage chart, claims, quotes, entities, map and timeline,
reports side by side, the reports themselves), a JSON API described at
/openapi.json, an Atom feed of stories (/feeds/stories.atom), Prometheus
metrics (/metrics) and /healthz.

The server polls the stored feeds (see 'sitrep feeds'; --feeds adds an OPML
list first) every --poll, with conditional GET, so an unchanged feed adds
nothing; a failing feed waits twice as long after each failure, up to 6h.
New reports go through the same pipeline as 'sitrep ingest', and stories
are worked out again in the background.

Writes (POST /api/articles) need "Authorization: Bearer $SITREP_TOKEN" when
SITREP_TOKEN is set; on an address beyond loopback they are refused unless
it is. SIGINT or SIGTERM stops the server gracefully: requests in flight
finish (up to 10s), polls stop between feeds.`,
		"  SITREP_DB     database file (default ./sitrep.db)\n  SITREP_ADDR   listen address (default 127.0.0.1:8080)\n  SITREP_TOKEN  API token required for writes")
	addrDefault := "127.0.0.1:8080"
	if a := strings.TrimSpace(env.Getenv("SITREP_ADDR")); a != "" {
		addrDefault = a
	}
	addr := fs.String("addr", addrDefault, "listen `address` (host:port)")
	db := fs.String("db", dbPath(env), "database `file`")
	feeds := fs.String("feeds", "", "add the feeds of this OPML `file` before serving")
	poll := fs.Duration("poll", 15*time.Minute, "time between two polls of one feed")
	noPoll := fs.Bool("no-poll", false, "serve only: do not poll feeds")
	workers := fs.Int("workers", 0, "workers for ingest and analysis (default: number of CPUs)")
	allowPrivate := fs.Bool("allow-private", false, "let feeds reach private, loopback and link-local addresses")
	logFormat := fs.String("log", "text", "log `format` on stderr: text or json")
	maxBody := fs.Int64("max-body", 16<<20, "largest request body in `bytes`")
	if err := fs.parseNone(env, args); err != nil {
		return err
	}
	if *logFormat != "text" && *logFormat != "json" {
		return usagef("serve: --log %q: want text or json", *logFormat)
	}
	var handler slog.Handler = slog.NewTextHandler(env.Stderr, nil)
	if *logFormat == "json" {
		handler = slog.NewJSONHandler(env.Stderr, nil)
	}
	log := slog.New(handler)

	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *feeds != "" {
		n, total, err := importFeeds(ctx, st, *feeds)
		if err != nil {
			return err
		}
		log.Info("feeds", "file", *feeds, "listed", total, "added", n)
	}
	token := strings.TrimSpace(env.Getenv("SITREP_TOKEN"))
	loopback := server.IsLoopback(*addr)
	fetcher := fetch.New(30 * time.Second)
	fetcher.AllowPrivate = *allowPrivate
	srv := server.New(st, server.Options{
		Token: token, Loopback: loopback, MaxBody: *maxBody, Workers: *workers,
		PollInterval: *poll, Fetcher: fetcher, Logger: log,
	})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(handler, slog.LevelWarn),
	}
	n, _ := st.Count(ctx)
	fmt.Fprintf(env.Stderr, "sitrep serve: http://%s/ (%s articles)\n", ln.Addr(), thousands(n))
	switch {
	case !loopback && token == "":
		log.Warn("listening beyond loopback without SITREP_TOKEN: writes are refused")
	case token != "":
		log.Info("writes need the API token")
	}
	pollDone := make(chan struct{})
	go func() {
		defer close(pollDone)
		if !*noPoll {
			srv.Run(ctx)
		}
	}()
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(ln) }()
	select {
	case err := <-serveErr:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = hs.Shutdown(shutdownCtx)
	<-pollDone
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// importFeeds adds every feed of an OPML file; it returns how many were
// new and how many the file lists.
func importFeeds(ctx context.Context, st store.Store, path string) (added, listed int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	refs, err := source.ParseOPML(f)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %w", path, err)
	}
	feeds := make([]store.Feed, 0, len(refs))
	for _, r := range refs {
		if !source.IsURL(r.URL) {
			return 0, 0, fmt.Errorf("%s: feed %q: not an http(s) URL", path, r.URL)
		}
		feeds = append(feeds, store.Feed{URL: r.URL, Title: r.Title})
	}
	added, err = st.AddFeeds(ctx, feeds)
	return added, len(refs), err
}
