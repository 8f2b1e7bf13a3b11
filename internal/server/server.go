package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/internal/fetch"
	"github.com/sitrep/sitrep/internal/store"
)

// Options configures a Server. Zero fields take the defaults.
type Options struct {
	// Token, when set, is required as "Authorization: Bearer TOKEN" on
	// every write. Loopback says the server listens on loopback only;
	// beyond it writes are refused unless a Token is set.
	Token    string
	Loopback bool
	// MaxBody is the largest request body in bytes (16 MiB).
	MaxBody int64
	// Workers is the number of workers for ingest and analysis (all CPUs).
	Workers int
	// PollInterval is the time between two polls of one feed (15 min);
	// failing feeds back off, doubling up to MaxBackoff (6 h).
	PollInterval, MaxBackoff time.Duration
	// Fetcher gets feeds (a 30 s fetcher refusing private addresses).
	Fetcher *fetch.Fetcher
	// Logger receives one line per request and every background event.
	Logger *slog.Logger
	// Now is the clock (time.Now).
	Now func() time.Time
}

// Server serves the API and the UI over one store.
type Server struct {
	st      store.Store
	opt     Options
	log     *slog.Logger
	mux     *http.ServeMux
	metrics *metrics
	an      *analyser
	ui      *ui

	mu        sync.Mutex // guards the caches below
	cacheAt   uint64     // analysis generation the caches belong to
	cacheBorn time.Time  // when they were emptied
	briefs    map[string]*cachedBrief
	stories   []*storyRow

	routeList []string
}

// New returns a server over st. Call Run to poll feeds, or use Handler
// alone.
func New(st store.Store, opt Options) *Server {
	if opt.MaxBody <= 0 {
		opt.MaxBody = 16 << 20
	}
	if opt.PollInterval <= 0 {
		opt.PollInterval = 15 * time.Minute
	}
	if opt.MaxBackoff <= 0 {
		opt.MaxBackoff = 6 * time.Hour
	}
	if opt.Fetcher == nil {
		opt.Fetcher = fetch.New(30 * time.Second)
	}
	if opt.Fetcher.State == nil {
		opt.Fetcher.State = st
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &Server{st: st, opt: opt, log: opt.Logger, mux: http.NewServeMux(), metrics: newMetrics(), briefs: map[string]*cachedBrief{}}
	s.an = newAnalyser(s)
	s.ui = newUI()
	s.routes()
	return s
}

// Handler is the whole server: routes wrapped in recovery, logging,
// metrics and security headers.
func (s *Server) Handler() http.Handler { return s.wrap(s.mux) }

func (s *Server) routes() {
	handle := func(pattern string, h http.Handler) {
		s.routeList = append(s.routeList, pattern)
		s.mux.Handle(pattern, h)
	}
	api := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		handle(pattern, apiHandler(h))
	}
	page := func(pattern string, h http.HandlerFunc) { handle(pattern, h) }
	page("GET /healthz", s.healthz)
	page("GET /metrics", s.serveMetrics)
	page("GET /openapi.json", serveOpenAPI)
	api("POST /api/articles", s.write(s.postArticles))
	api("GET /api/articles/{id}", s.getArticle)
	api("GET /api/stories", s.listStories)
	api("GET /api/stories/{id}", s.getStory)
	api("GET /api/search", s.search)
	api("GET /api/outlets", s.listOutlets)
	api("GET /api/feeds", s.listFeeds)
	api("/api/", func(w http.ResponseWriter, r *http.Request) error {
		return errorf(http.StatusNotFound, "no such endpoint: %s %s (see /openapi.json)", r.Method, r.URL.Path)
	})
	page("GET /feeds/stories.atom", s.atom)
	page("GET /{$}", s.pageStories)
	page("GET /stories/{id}", s.pageStory)
	page("GET /articles/{id}", s.pageArticle)
	page("GET /compare", s.pageCompare)
	handle("GET /static/", staticHandler())
	page("/", s.pageNotFound)
}

// httpError is an error with the status it is answered with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...)}
}

// apiError is the one shape of every API error.
type apiError struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

// apiHandler turns a handler's error into the JSON error shape: store
// misses are 404, bodies over the limit 413, anything unexpected 500
// without its details.
func apiHandler(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var he *httpError
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &he):
		case errors.As(err, &mbe):
			he = &httpError{http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", mbe.Limit)}
		case errors.Is(err, store.ErrNotFound):
			he = &httpError{http.StatusNotFound, "not found"}
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			he = &httpError{http.StatusServiceUnavailable, "request cancelled"}
		default:
			logFrom(r).Error("request failed", "err", err)
			he = &httpError{http.StatusInternalServerError, "internal error"}
		}
		var body apiError
		body.Error.Status, body.Error.Message = he.status, he.msg
		writeJSON(w, he.status, body)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// write guards a write endpoint with the token rule and the body limit.
func (s *Server) write(h func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		switch {
		case s.opt.Token != "":
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.opt.Token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
				return errorf(http.StatusUnauthorized, "writes need the API token: send Authorization: Bearer $SITREP_TOKEN")
			}
		case !s.opt.Loopback:
			return errorf(http.StatusForbidden, "writes are disabled: this server listens beyond loopback and has no API token (set SITREP_TOKEN)")
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
		return h(w, r)
	}
}

// IsLoopback reports whether a listen address reaches loopback only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

type ctxKey struct{}

func logFrom(r *http.Request) *slog.Logger {
	if l, ok := r.Context().Value(ctxKey{}).(*slog.Logger); ok {
		return l
	}
	return slog.New(slog.DiscardHandler)
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += n
	return n, err
}

// csp allows only the server's own styles, scripts and images (the SVG
// charts are inline elements, not inline script).
const csp = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func (s *Server) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h := sw.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		log := s.log.With("method", r.Method, "path", r.URL.Path)
		r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, log))
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic", "value", fmt.Sprint(v), "stack", string(debug.Stack()))
				if sw.status == 0 {
					http.Error(sw, "internal error", http.StatusInternalServerError)
				}
			}
			if sw.status == 0 {
				sw.status = http.StatusOK
			}
			d := time.Since(start)
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			s.metrics.request(route, sw.status, d)
			log.Info("request", "route", route, "status", sw.status, "bytes", sw.bytes, "ms", float64(d.Microseconds())/1000)
		}()
		next.ServeHTTP(sw, r)
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	n, err := s.st.Count(r.Context())
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "error": "store unreachable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": n, "analysis": s.an.state()})
}

// patterns lists the route patterns the server registers (for tests and
// the OpenAPI check).
func (s *Server) patterns() []string { return s.routeList }
