package verify

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// Network rules (DESIGN.md: offline first; tokens are credentials).
const (
	defaultTimeout = 5 * time.Second
	defaultMaxBody = 1 << 20
	maxRedirects   = 3
	statusSnippet  = 200 // bytes of an error body kept in the error message
	userAgent      = "oidcscope"
)

// Sentinel errors returned (wrapped) by Fetcher; match them with errors.Is.
var (
	ErrNotHTTPS         = errors.New("only https URLs are fetched (http only for loopback)")
	ErrBodyTooLarge     = errors.New("response too large")
	ErrFetchTimeout     = errors.New("request timed out")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrHTTPStatus       = errors.New("unexpected HTTP status")
	ErrIssuerMismatch   = errors.New("issuer mismatch")
	ErrDiscovery        = errors.New("invalid OIDC discovery document")
)

// Fetcher fetches key material over the network under oidcscope's network rules.
type Fetcher struct {
	Client  *http.Client  // optional; when nil a client with the rules above is built per call
	Timeout time.Duration // 0 means 5s
	MaxBody int64         // 0 means 1 MiB (1<<20)
}

func (f Fetcher) timeout() time.Duration {
	if f.Timeout > 0 {
		return f.Timeout
	}
	return defaultTimeout
}

func (f Fetcher) maxBody() int64 {
	if f.MaxBody > 0 {
		return f.MaxBody
	}
	return defaultMaxBody
}

// client returns a copy of f.Client (or a fresh client) whose redirect policy
// and cookie handling are ours, so a caller-supplied client cannot loosen the
// rules. The caller's client is never modified.
func (f Fetcher) client() *http.Client {
	var c http.Client
	if f.Client != nil {
		c = *f.Client
	}
	c.CheckRedirect = checkRedirect
	c.Jar = nil // no cookies are sent or kept
	return &c
}

// checkRedirect applies the URL rule to every hop and caps the hop count.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, maxRedirects)
	}
	if err := checkURL(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), err)
	}
	return nil
}

// checkURL allows https anywhere and http only to loopback, so nothing is
// fetched in clear text over a real network.
func checkURL(u *url.URL) error {
	if u.User != nil {
		// Go would turn userinfo into an Authorization header.
		return errors.New("URL must not contain credentials")
	}
	if u.Host == "" {
		return fmt.Errorf("%w: URL has no host", ErrNotHTTPS)
	}
	switch u.Scheme { // url.Parse lower-cases the scheme
	case "https":
		return nil
	case "http":
		if isLoopback(u.Hostname()) {
			return nil
		}
	}
	return ErrNotHTTPS
}

// isLoopback reports whether host is "localhost" or a loopback IP literal
// (127.0.0.0/8, ::1). No name is resolved.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

// parseURL parses raw and applies the URL rule.
func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("invalid URL: %w", err)
	}
	if err := checkURL(u); err != nil {
		return nil, fmt.Errorf("fetching %s: %w", u.Redacted(), err)
	}
	return u, nil
}

// Get fetches url and returns the body.
func (f Fetcher) Get(ctx context.Context, url string) ([]byte, error) {
	u, err := parseURL(url) // before any dial
	if err != nil {
		return nil, err
	}
	shown := u.Redacted()

	// One deadline covers connect, headers and body.
	limit := f.timeout()
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()

	// A plain GET: no Authorization, no cookies, no query of ours.
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", shown, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)

	resp, err := f.client().Do(req)
	if err != nil {
		return nil, fetchError(ctx, shown, limit, err)
	}
	defer resp.Body.Close()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, statusError(shown, resp)
	}

	max := f.maxBody()
	if resp.ContentLength > max { // fail early when the server says so
		return nil, fmt.Errorf("fetching %s: %w (limit %s)", shown, ErrBodyTooLarge, formatSize(max))
	}
	// Read one byte past the cap: a larger body is an error, never a truncation.
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fetchError(ctx, shown, limit, err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("fetching %s: %w (limit %s)", shown, ErrBodyTooLarge, formatSize(max))
	}
	return body, nil
}

// fetchError names the URL once (dropping url.Error's own copy) and marks
// deadline or client timeouts with ErrFetchTimeout.
func fetchError(ctx context.Context, shown string, limit time.Duration, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if isTimeout(ctx, err) {
		return fmt.Errorf("fetching %s: %w (limit %s): %w", shown, ErrFetchTimeout, limit, err)
	}
	return fmt.Errorf("fetching %s: %w", shown, err)
}

func isTimeout(ctx context.Context, err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// statusError reports a non-2xx status with the start of the body, which
// often says why (raw bytes; the caller escapes before printing).
func statusError(shown string, resp *http.Response) error {
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, statusSnippet+1))
	more := len(snippet) > statusSnippet
	if more {
		snippet = snippet[:statusSnippet]
	}
	snippet = bytes.TrimSpace(snippet)

	// StatusCode and StatusText, not resp.Status: the reason phrase is the server's.
	msg := fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	if len(snippet) > 0 {
		msg += ": " + string(snippet)
		if more {
			msg += "…"
		}
	}
	return fmt.Errorf("fetching %s: %w %s", shown, ErrHTTPStatus, msg)
}

// formatSize renders a byte count the way people say it ("1 MiB").
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
