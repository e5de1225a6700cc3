package actions

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/escape"
)

// DefaultTimeout bounds one attempt of a token request.
const DefaultTimeout = 10 * time.Second

// MaxResponse caps a token response, which is a few KiB.
const MaxResponse = 64 << 10

// Retries: three attempts in all, the first retry after defaultBackoff.
const (
	maxAttempts    = 3
	defaultBackoff = 500 * time.Millisecond
)

// Why a token request failed; match with errors.Is.
var (
	ErrRequest  = errors.New("the token endpoint could not be reached")
	ErrStatus   = errors.New("the token endpoint refused the request")
	ErrTooLarge = errors.New("the token endpoint's response is too large")
	ErrNotJSON  = errors.New("the token endpoint's response is not a JSON object")
	ErrNoValue  = errors.New(`the token endpoint's response has no token in "value"`)
)

// StatusError is an answer other than 200 OK, with a short excerpt of the
// body (credentials removed).
type StatusError struct {
	Code    int
	Status  string // "403 Forbidden"
	Excerpt string
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("%s: HTTP %s", ErrStatus, e.Status)
	if e.Excerpt != "" {
		msg += ": " + e.Excerpt
	}
	return msg
}

func (e *StatusError) Unwrap() error { return ErrStatus }

// Client requests ID tokens. The zero value is ready to use.
type Client struct {
	// HTTP is the client to send with (tests pass an httptest TLS
	// server's); nil means one with the default transport, proxies from
	// the environment included. Its redirect rule and cookie jar are
	// always replaced by ours; the caller's client is not modified.
	HTTP    *http.Client
	Timeout time.Duration // per attempt; 0 means DefaultTimeout
	// Backoff is the wait before the first retry, doubled for the next;
	// 0 means 500ms.
	Backoff time.Duration
}

// IDToken asks the runner for the job's ID token for audience ("" for
// GitHub's default) and returns it. Gateway errors (502, 503, 504) and
// network errors are retried twice, as the Actions toolkit retries; every
// other failure is returned at once.
func (c Client) IDToken(ctx context.Context, r Runner, audience string) (string, error) {
	u, err := TokenURL(r.RequestURL, audience)
	if err != nil {
		return "", err
	}
	hc := c.client()
	wait := c.Backoff
	if wait <= 0 {
		wait = defaultBackoff
	}
	for attempt := 1; ; attempt++ {
		tok, retry, err := c.once(ctx, hc, u.String(), r.RequestToken)
		if err == nil || !retry || attempt == maxAttempts {
			return tok, err
		}
		select {
		case <-ctx.Done():
			return "", fmt.Errorf("%w: %w", ErrRequest, ctx.Err())
		case <-time.After(wait):
		}
		wait *= 2
	}
}

func (c Client) client() *http.Client {
	var hc http.Client
	if c.HTTP != nil {
		hc = *c.HTTP
	}
	hc.CheckRedirect = redirectRule
	hc.Jar = nil
	return &hc
}

// once sends one request; retry says whether another attempt may help.
func (c Client) once(ctx context.Context, hc *http.Client, url, bearer string) (tok string, retry bool, err error) {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", false, fmt.Errorf("%w: %w", ErrEndpointURL, err)
	}
	req.Header.Set("Authorization", "Bearer "+bearer)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "oidcscope")
	resp, err := hc.Do(req)
	if err != nil {
		// The message names the URL, never the bearer credential. A
		// refused redirect will be refused again; a network error or a
		// timed-out attempt may pass next time.
		retry := !errors.Is(err, ErrRedirect) && !errors.Is(ctx.Err(), context.Canceled)
		return "", retry, fmt.Errorf("%w: %w", ErrRequest, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxResponse+1))
	if err != nil {
		return "", true, fmt.Errorf("%w: reading the response: %w", ErrRequest, err)
	}
	if len(body) > MaxResponse {
		return "", false, fmt.Errorf("%w (over %d KiB)", ErrTooLarge, MaxResponse>>10)
	}
	if resp.StatusCode != http.StatusOK {
		gateway := resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusServiceUnavailable || resp.StatusCode == http.StatusGatewayTimeout
		return "", gateway, &StatusError{Code: resp.StatusCode, Status: resp.Status, Excerpt: excerpt(body, bearer)}
	}
	tok, err = tokenValue(body, resp.Header.Get("Content-Type"), bearer)
	return tok, false, err
}

// tokenValue reads {"count":…,"value":"<token>"}. Error messages name the
// members the body has, never their values, which may be credentials.
func tokenValue(body []byte, contentType, bearer string) (string, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(body, &doc); err != nil || doc == nil {
		what := "empty"
		if len(body) > 0 {
			what = excerpt(body, bearer)
		}
		if contentType != "" {
			what = "Content-Type " + contentType + ": " + what
		}
		return "", fmt.Errorf("%w (%s)", ErrNotJSON, what)
	}
	raw, ok := doc["value"]
	if !ok {
		keys := make([]string, 0, len(doc))
		for k := range doc {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for i, k := range keys {
			keys[i] = escape.Quoted(k)
		}
		return "", fmt.Errorf("%w (members: %s)", ErrNoValue, orNone(strings.Join(keys, ", ")))
	}
	var tok string
	if err := json.Unmarshal(raw, &tok); err != nil {
		return "", fmt.Errorf("%w (\"value\" is not a string)", ErrNoValue)
	}
	if strings.TrimSpace(tok) == "" {
		return "", fmt.Errorf("%w (\"value\" is empty)", ErrNoValue)
	}
	return tok, nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
