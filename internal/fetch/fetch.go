// Package fetch gets web pages and feeds for ingestion, politely and safely:
// a clear User-Agent, timeouts, a size cap, few redirects, conditional GET
// with validators remembered per URL, a minimum interval between requests
// to one host, and no requests to private, loopback or link-local
// addresses unless allowed (a fetcher must not be turned against the user's
// own network).
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/sitrep/sitrep/internal/store"
)

// UserAgent names sitrep to the sites it fetches from.
const UserAgent = "sitrep/0.1 (+https://github.com/sitrep/sitrep; news clustering)"

// Errors a fetch reports.
var (
	ErrPrivate  = errors.New("refused: private, loopback or link-local address (use --allow-private to fetch it)")
	ErrTooLarge = errors.New("response too large")
	ErrScheme   = errors.New("only http and https URLs are fetched")
	ErrStatus   = errors.New("unexpected HTTP status")
)

// StateStore keeps conditional-GET validators per URL; store.Store is one.
type StateStore interface {
	FetchState(ctx context.Context, url string) (store.FetchState, error)
	PutFetchState(ctx context.Context, fs store.FetchState) error
}

// Fetcher fetches URLs. The zero value is not ready: use New.
type Fetcher struct {
	// AllowPrivate lets requests reach private, loopback and link-local
	// addresses.
	AllowPrivate bool
	// MaxBytes is the largest body read (16 MiB).
	MaxBytes int64
	// HostInterval is the least time between two requests to one host (1s).
	HostInterval time.Duration
	// State, when set, makes requests conditional on the last validators.
	State StateStore

	client  *http.Client
	mu      sync.Mutex
	next    map[string]time.Time // host -> earliest time of its next request
	pending map[string]store.FetchState
}

// Response is a fetched document.
type Response struct {
	URL         string // after redirects
	ContentType string
	Body        []byte
	// NotModified is true when the server answered 304 to a conditional
	// request: nothing changed since the last fetch and Body is empty.
	NotModified bool
}

// New returns a fetcher with a total timeout per request and at most five
// redirects.
func New(timeout time.Duration) *Fetcher {
	f := &Fetcher{MaxBytes: 16 << 20, HostInterval: time.Second, next: map[string]time.Time{}, pending: map[string]store.FetchState{}}
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: f.control}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
		MaxIdleConnsPerHost:   2,
	}
	f.client = &http.Client{
		Timeout:   timeout,
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return fmt.Errorf("stopped after 5 redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL, ErrScheme)
			}
			return nil
		},
	}
	return f
}

// control runs on every connection, after name resolution and on every
// redirect, so a name that resolves to a private address is refused too.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	if f.AllowPrivate {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%s: %w", address, ErrPrivate)
	}
	if Private(ip) {
		return fmt.Errorf("%s: %w", ip, ErrPrivate)
	}
	return nil
}

var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10")

// Private reports addresses a fetcher must not reach by default: loopback,
// private (RFC 1918, fc00::/7), link-local, shared (100.64/10),
// unspecified and multicast.
func Private(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsUnspecified() || ip.IsMulticast() || sharedAddressSpace.Contains(ip)
}

// Fetch gets one URL.
func (f *Fetcher) Fetch(ctx context.Context, raw string) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, ErrScheme
	}
	if !f.AllowPrivate && strings.EqualFold(strings.TrimSuffix(u.Hostname(), "."), "localhost") {
		return nil, ErrPrivate
	}
	if err := f.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5")
	var state store.FetchState
	if f.State != nil {
		if state, err = f.State.FetchState(ctx, u.String()); err != nil {
			return nil, err
		}
		if state.ETag != "" {
			req.Header.Set("If-None-Match", state.ETag)
		}
		if state.LastModified != "" {
			req.Header.Set("If-Modified-Since", state.LastModified)
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) && errors.Is(ue.Err, ErrPrivate) {
			return nil, ue.Err
		}
		return nil, err
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		f.remember(u.String(), resp)
		return out, nil
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("%w %s", ErrStatus, resp.Status)
	}
	if resp.ContentLength > f.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, over %d", ErrTooLarge, resp.ContentLength, f.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > f.MaxBytes {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, f.MaxBytes)
	}
	out.Body = body
	f.remember(u.String(), resp)
	return out, nil
}

// remember keeps the validators of a response until Commit.
func (f *Fetcher) remember(u string, resp *http.Response) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending[u] = store.FetchState{
		URL: u, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), Checked: time.Now().UTC(),
	}
}

// Commit writes the validators of the responses fetched since the last
// Commit to State. Call it once what was fetched is safely stored: were
// they written at fetch time, a run that died before storing the articles
// would get "not modified" next time and never store them.
func (f *Fetcher) Commit(ctx context.Context) error {
	f.mu.Lock()
	pending := f.pending
	f.pending = map[string]store.FetchState{}
	f.mu.Unlock()
	if f.State == nil {
		return nil
	}
	for _, st := range pending {
		if err := f.State.PutFetchState(ctx, st); err != nil {
			return err
		}
	}
	return nil
}

// wait holds a request until its host's interval has passed.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	f.mu.Lock()
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(f.HostInterval)
	f.mu.Unlock()
	if d := time.Until(at); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}
