package verify

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
	"time"
)

// Network rules (DESIGN.md: offline first; tokens are credentials).
const (
	defaultTimeout = 5 * time.Second
	defaultMaxBody = 1 << 20
	maxRedirects   = 3
	userAgent      = "oidcscope"
)

// Sentinel errors returned (wrapped) by Fetcher; match them with errors.Is.
var (
	ErrNotHTTPS         = errors.New("only https URLs are fetched (http only to a loopback URL you type)")
	ErrBodyTooLarge     = errors.New("response too large")
	ErrFetchTimeout     = errors.New("request timed out")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrHTTPStatus       = errors.New("unexpected HTTP status")
	ErrIssuerMismatch   = errors.New("issuer mismatch")
	ErrDiscovery        = errors.New("invalid OIDC discovery document")
)

// Fetcher fetches key material over the network under oidcscope's network rules.
type Fetcher struct {
	// Client is optional; when nil a client with the rules above is built
	// per call. Its redirect and cookie handling are always replaced by
	// ours, and an *http.Transport in it is copied to dial through the
	// address rules of dial.go. Any other RoundTripper (a test double) is
	// used as given, under the URL rule alone.
	Client  *http.Client
	Timeout time.Duration // 0 means 5s
	MaxBody int64         // 0 means 1 MiB (1<<20)

	// How names are resolved and checked addresses dialed; nil means the
	// system's. Tests point them at local servers.
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)
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

// client returns a client for one fetch: a copy of f.Client (or a fresh
// client) whose redirect policy, cookie handling and dialing are ours, so a
// caller-supplied client cannot loosen the rules, and the function that
// releases its connections. The caller's client is never modified. n is
// what the user typed, which the address rules let be.
func (f Fetcher) client(n named) (*http.Client, func()) {
	var c http.Client
	if f.Client != nil {
		c = *f.Client
	}
	c.CheckRedirect = redirectRule(n)
	c.Jar = nil // no cookies are sent or kept

	var base *http.Transport
	switch t := c.Transport.(type) {
	case nil:
		base, _ = http.DefaultTransport.(*http.Transport)
		if base == nil { // replaced by the embedding program
			base = &http.Transport{Proxy: http.ProxyFromEnvironment}
		}
	case *http.Transport:
		base = t
	default:
		return &c, func() {}
	}
	tr := guardTransport(base, newDialGuard(f, n))
	c.Transport = tr
	return &c, tr.CloseIdleConnections
}

// redirectRule applies the URL rule to every hop and caps the hop count. A
// hop to another host than the one the user named gets every check.
func redirectRule(n named) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		// Go copies the previous URL into Referer; it may carry a signed
		// URL's query, and the next hop has no business knowing it.
		req.Header.Del("Referer")
		if len(via) > maxRedirects {
			return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, maxRedirects)
		}
		if err := checkURL(req.URL, n); err != nil {
			return fmt.Errorf("redirect to %s: %w", showURL(req.URL), err)
		}
		return nil
	}
}

// checkURL allows https anywhere and http only to loopback, so nothing is
// fetched in clear text over a real network; loopback (a literal or
// "localhost") only at the exact origin the user typed; and DNS names
// only, unless the host is the one the user named.
func checkURL(u *url.URL, n named) error {
	if u.User != nil {
		// Go would turn userinfo into an Authorization header.
		return errors.New("URL must not contain credentials")
	}
	if u.Host == "" {
		return fmt.Errorf("%w: URL has no host", ErrNotHTTPS)
	}
	host := u.Hostname()
	switch u.Scheme { // url.Parse lower-cases the scheme
	case "https":
	case "http":
		if !isLoopback(host) {
			return ErrNotHTTPS
		}
	default:
		return ErrNotHTTPS
	}
	if isLoopback(host) {
		if n.namesOrigin(u) {
			return nil
		}
		return fmt.Errorf("%w: %s is this machine (loopback); %s",
			ErrRefusedAddress, u.Scheme+"://"+u.Host, n.howToReachLoopback())
	}
	// An address in a URL skips DNS, the name a reader can judge; it is
	// how a document or redirect would point us at 169.254.169.254.
	if _, err := netip.ParseAddr(host); err == nil && !n.namesHost(host) {
		return fmt.Errorf("%w: %s is an IP address, and keys are fetched from DNS names; %s",
			ErrIPLiteralHost, host, n.howToName())
	}
	return nil
}

// isLoopback reports whether host is "localhost" or a loopback IP literal
// (127.0.0.0/8, ::1, ::ffff:127.0.0.1, and so on). No name is resolved.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && isLoopbackAddr(ip)
}

// showURL is u for a message: password hidden, escaped, cut short.
func showURL(u *url.URL) string {
	return excerpt(u.Redacted(), urlExcerpt)
}

// parseURL parses raw and applies the URL rule.
func parseURL(raw string, n named) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) { // its message repeats the whole URL
			err = ue.Err
		}
		return nil, fmt.Errorf("invalid URL %s: %w", quoted(raw), err)
	}
	if err := checkURL(u, n); err != nil {
		return nil, fmt.Errorf("fetching %s: %w", showURL(u), err)
	}
	return u, nil
}

// Get fetches url under every rule. Nothing counts as named by the user,
// so neither an IP address nor loopback is reached: Source.Load names a
// --jwks URL or, with --discover, the issuer.
func (f Fetcher) Get(ctx context.Context, url string) ([]byte, error) {
	return f.get(ctx, url, named{})
}

// get fetches url and returns the body; n is what the user typed, which
// the address rules let be.
func (f Fetcher) get(ctx context.Context, url string, n named) ([]byte, error) {
	u, err := parseURL(url, n) // before any dial
	if err != nil {
		return nil, err
	}
	shown := showURL(u)

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

	client, release := f.client(n)
	defer release()
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchError(ctx, shown, limit, err)
	}
	defer resp.Body.Close()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, statusError(shown, resp)
	}

	max := f.maxBody()
	if resp.ContentLength > max { // fail early when the server says so
		return nil, fmt.Errorf("fetching %s: %w: the server announced %s (limit %s)",
			shown, ErrBodyTooLarge, formatSize(resp.ContentLength), formatSize(max))
	}
	// Read one byte past the cap: a larger body is an error, never a truncation.
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fetchError(ctx, shown, limit, err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("fetching %s: %w: more than the %s limit", shown, ErrBodyTooLarge, formatSize(max))
	}
	return body, nil
}

// fetchError names the URL once (dropping url.Error's own copy) and marks
// deadline or client timeouts with ErrFetchTimeout. Errors of ours carry
// escaped text already; any other (TLS, x509, a proxy's reply) may quote the
// server and is escaped and cut short.
func fetchError(ctx context.Context, shown string, limit time.Duration, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if !ours(err) {
		err = foreignError{err}
	}
	if isTimeout(ctx, err) {
		return fmt.Errorf("fetching %s: %w (limit %s): %w", shown, ErrFetchTimeout, limit, err)
	}
	return fmt.Errorf("fetching %s: %w", shown, err)
}

// ours reports whether err was built here from escaped parts.
func ours(err error) bool {
	for _, e := range []error{ErrNotHTTPS, ErrIPLiteralHost, ErrRefusedAddress, ErrTooManyRedirects} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

func isTimeout(ctx context.Context, err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// statusError reports a non-2xx status with the start of the body, which
// often says why: escaped, so a body holding ESC or OSC 52 cannot reach the
// terminal as itself, and cut to a short excerpt.
func statusError(shown string, resp *http.Response) error {
	// Enough raw bytes for the excerpt even if none needs escaping.
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, bodyExcerpt+1))

	// StatusCode and StatusText, not resp.Status: the reason phrase is the server's.
	msg := fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	if text := strings.TrimSpace(string(raw)); text != "" {
		snippet := excerpt(text, bodyExcerpt)
		if len(raw) > bodyExcerpt && !strings.HasSuffix(snippet, "…") {
			snippet += "…"
		}
		msg += ": " + snippet
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
