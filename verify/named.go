package verify

import (
	"net/url"
	"strings"

	"github.com/oidcscope/oidcscope/internal/setting"
)

// named is what the user typed on the command line, which the address
// rules let be. Two things, because they are trusted differently:
//
//   - host: a host the user named (a --jwks URL's, or the token's issuer's
//     with --discover) may be an IP address or resolve to a private or
//     link-local address, wherever a redirect or jwks_uri on it points;
//   - origin: the exact scheme, host and port typed (a --jwks URL, or the
//     --issuer given with --discover), the only place a fetch may reach
//     this machine (loopback). A redirect, a discovery document or a
//     token never adds one: loopback runs services that trust local
//     callers, and nothing from outside may point a GET at them.
//
// The zero value names nothing. say words the settings a refusal's advice
// points to (how the user names a host: a JWK Set URL, discovery).
type named struct {
	host   string
	origin origin
	say    setting.Names
}

// origin is a URL's scheme, host and port, the port filled in from the
// scheme when the URL has none; the zero value matches nothing.
type origin struct{ scheme, host, port string }

// typed is what a URL the user typed names: its host and its origin.
func typed(raw string) named {
	u, err := url.Parse(raw)
	if err != nil {
		return named{}
	}
	return named{host: u.Hostname(), origin: originOf(u)}
}

func originOf(u *url.URL) origin {
	port := u.Port()
	if port == "" {
		port = map[string]string{"https": "443", "http": "80"}[u.Scheme]
	}
	if u.Hostname() == "" || port == "" {
		return origin{}
	}
	return origin{scheme: u.Scheme, host: strings.ToLower(u.Hostname()), port: port}
}

// namesHost reports whether host is the host the user named.
func (n named) namesHost(host string) bool {
	return n.host != "" && strings.EqualFold(host, n.host)
}

// namesOrigin reports whether u is at the exact origin the user typed.
func (n named) namesOrigin(u *url.URL) bool {
	return n.origin != origin{} && originOf(u) == n.origin
}

// namesHostPort reports whether a dial to host:port goes where the user
// typed. The scheme is checked on the URL (checkURL), before any dial.
func (n named) namesHostPort(host, port string) bool {
	return n.origin != origin{} && strings.EqualFold(host, n.origin.host) && port == n.origin.port
}
