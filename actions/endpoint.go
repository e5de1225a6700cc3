package actions

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// ErrEndpointURL is wrapped when ACTIONS_ID_TOKEN_REQUEST_URL cannot be
// used: not a URL, credentials in it, or clear-text http to a real network.
var ErrEndpointURL = errors.New("unusable token endpoint URL")

// ErrRedirect is wrapped when a redirect is not followed.
var ErrRedirect = errors.New("redirect not followed")

// maxRedirects bounds the hops a token request follows.
const maxRedirects = 3

// TokenURL is the request for one audience: endpoint with
// audience=<aud> appended to its query (the runner's URL already carries
// api-version=…, so the toolkit appends "&audience="; a URL without a query
// gets "?"). The existing query is kept byte for byte. An empty audience
// adds nothing, and GitHub then uses its default, the repository owner's
// URL.
func TokenURL(endpoint, audience string) (*url.URL, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrEndpointURL, err)
	}
	if err := checkEndpoint(u); err != nil {
		return nil, err
	}
	if audience != "" {
		param := "audience=" + url.QueryEscape(audience)
		if u.RawQuery == "" {
			u.RawQuery = param
		} else {
			u.RawQuery += "&" + param
		}
	}
	return u, nil
}

// checkEndpoint allows https, and http only to a loopback host: the
// request carries the job's bearer credential and the answer is a
// credential, so neither may cross a real network in clear text.
func checkEndpoint(u *url.URL) error {
	switch {
	case u.User != nil:
		return fmt.Errorf("%w: it contains credentials", ErrEndpointURL)
	case u.Host == "":
		return fmt.Errorf("%w: no host in %q", ErrEndpointURL, showEndpoint(u))
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && isLoopback(u.Hostname()):
		return nil
	}
	return fmt.Errorf("%w: %s is not https (http is allowed only to loopback)", ErrEndpointURL, showEndpoint(u))
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// showEndpoint names the endpoint in messages by scheme and host: the path
// and query identify the job's plan and are of no use to the reader.
func showEndpoint(u *url.URL) string {
	return u.Scheme + "://" + u.Host
}

// redirectRule follows at most maxRedirects hops, each under the URL rule,
// and drops the Authorization header on a hop to any other scheme, host or
// port. Go's client keeps the header for the same host name on another
// port, and the runner's credential is for its endpoint alone. A hop to
// this machine (loopback) is followed only to the endpoint's own scheme,
// host and port: another local port may be a service that trusts local
// callers, and the endpoint's answer must not aim a request at it.
func redirectRule(req *http.Request, via []*http.Request) error {
	// Go copies the previous URL into Referer on a redirect; the
	// endpoint's URL names the job's plan and is nobody else's business.
	req.Header.Del("Referer")
	if len(via) > maxRedirects {
		return fmt.Errorf("%w: more than %d", ErrRedirect, maxRedirects)
	}
	if err := checkEndpoint(req.URL); err != nil {
		return fmt.Errorf("%w: %w", ErrRedirect, err)
	}
	first := via[0].URL
	same := req.URL.Scheme == first.Scheme && strings.EqualFold(req.URL.Host, first.Host)
	if !same && isLoopback(req.URL.Hostname()) {
		return fmt.Errorf("%w: %s is this machine (loopback), and only the endpoint's own %s is reached there",
			ErrRedirect, showEndpoint(req.URL), showEndpoint(first))
	}
	if !same {
		req.Header.Del("Authorization")
	}
	return nil
}
