package verify

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"

	"github.com/oidcscope/oidcscope/escape"
)

// Which addresses a key fetch may connect to. The URL rule (checkURL) sees
// only the name in a URL; what the name resolves to is known only when
// connecting, and may differ between two lookups (DNS rebinding). So the
// dialer below resolves a name once, checks every address it got, and then
// dials the checked addresses themselves: nothing is resolved twice.

// Sentinel errors for refused hosts and addresses; match them with errors.Is.
var (
	ErrIPLiteralHost  = errors.New("IP-address host refused")
	ErrRefusedAddress = errors.New("address refused")
)

// howToName tells the user how to lift a refusal: name the host yourself.
const howToName = "only a host you name yourself (a --jwks URL, or the token's issuer with --discover) may be an IP address or resolve there"

// addrProblem says why ip must not be dialed for a host the user did not
// name, or returns "". loopbackName is true for "localhost" and loopback
// literals, the test servers' hosts, which may reach this machine.
func addrProblem(ip netip.Addr, loopbackName bool) string {
	ip = ip.Unmap().WithZone("")
	if v4, ok := nat64Embedded(ip); ok {
		if p := addrProblem(v4, loopbackName); p != "" {
			return p + " (inside a NAT64 address)"
		}
	}
	if what := metadataService(ip); what != "" {
		return "the address of " + what
	}
	switch {
	case ip.IsLinkLocalUnicast():
		return "a link-local address (169.254.0.0/16 or fe80::/10, where cloud metadata services answer)"
	case ip.IsLoopback():
		if loopbackName {
			return ""
		}
		return "a loopback address (only localhost and 127.0.0.1 URLs may reach this machine)"
	case ip.IsUnspecified():
		return "the unspecified address (connecting to it reaches this machine)"
	case ip.IsMulticast() || ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "a multicast or broadcast address"
	}
	// Private ranges (RFC 1918, fc00::/7) stay allowed: GitHub Enterprise
	// Server and in-house issuers often live on a private network, and their
	// key sets must stay fetchable, by --jwks above all.
	return ""
}

// metadataService names the cloud metadata endpoint at ip, or returns "".
// 169.254.169.254 is link-local too, but gets its own name in the message.
func metadataService(ip netip.Addr) string {
	switch ip {
	case netip.AddrFrom4([4]byte{169, 254, 169, 254}):
		return "the cloud metadata service (AWS, Google Cloud, Azure, Oracle)"
	case netip.MustParseAddr("fd00:ec2::254"):
		return "the AWS metadata service over IPv6"
	case netip.AddrFrom4([4]byte{100, 100, 100, 200}):
		return "the Alibaba Cloud metadata service"
	case netip.AddrFrom4([4]byte{168, 63, 129, 16}):
		return "the Azure host agent (WireServer)"
	}
	return ""
}

// nat64Embedded returns the IPv4 address inside a NAT64 address
// (64:ff9b::/96, RFC 6052), which an IPv6-only host reaches as that IPv4.
func nat64Embedded(ip netip.Addr) (netip.Addr, bool) {
	if !ip.Is6() {
		return netip.Addr{}, false
	}
	b := ip.As16()
	prefix := [12]byte{0x00, 0x64, 0xff, 0x9b}
	if [12]byte(b[:12]) != prefix {
		return netip.Addr{}, false
	}
	return netip.AddrFrom4([4]byte(b[12:])), true
}

// isNamed reports whether host is the one the user named ("" names none).
func isNamed(host, named string) bool {
	return named != "" && strings.EqualFold(host, named)
}

// dialGuard is the DialContext of one fetch's transport.
type dialGuard struct {
	named  string // the host the user named; "" for none
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)

	mu      sync.Mutex
	proxies map[string]bool // proxy hosts from the environment: the user's choice
}

func newDialGuard(f Fetcher, named string) *dialGuard {
	g := &dialGuard{named: named, lookup: f.lookup, dial: f.dial, proxies: map[string]bool{}}
	if g.lookup == nil {
		g.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	if g.dial == nil {
		var d net.Dialer
		g.dial = d.DialContext
	}
	return g
}

// wrapProxy records the proxy a request goes through, so the dial to it is
// allowed: HTTPS_PROXY is the user's own setting. Through a proxy the
// target's name is resolved by the proxy, so only the URL rule applies to it.
func (g *dialGuard) wrapProxy(proxy func(*http.Request) (*url.URL, error)) func(*http.Request) (*url.URL, error) {
	return func(r *http.Request) (*url.URL, error) {
		u, err := proxy(r)
		if u != nil {
			g.mu.Lock()
			g.proxies[strings.ToLower(u.Hostname())] = true
			g.mu.Unlock()
		}
		return u, err
	}
}

func (g *dialGuard) isProxy(host string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.proxies[strings.ToLower(host)]
}

// DialContext resolves addr's host, refuses it if any address is one a key
// fetch must not reach, and dials the checked addresses in order.
func (g *dialGuard) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if g.isProxy(host) {
		return g.dial(ctx, network, addr)
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else if ips, err = g.lookup(ctx, host); err != nil {
		return nil, err
	}
	if len(ips) == 0 {
		return nil, fmt.Errorf("no address for %s", escape.Text(host))
	}
	if !isNamed(host, g.named) {
		// Every address, not only the first: a name that also resolves to
		// the metadata service is refused even if another address would do.
		for _, ip := range ips {
			if p := addrProblem(ip, isLoopback(host)); p != "" {
				return nil, fmt.Errorf("%w: %s resolves to %s, %s; %s",
					ErrRefusedAddress, escape.Text(host), ip, p, howToName)
			}
		}
	}
	var firstErr error
	for _, ip := range ips {
		conn, err := g.dial(ctx, network, net.JoinHostPort(ip.String(), port))
		if err == nil {
			return conn, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, firstErr
}

// guardTransport returns a copy of base that dials through g. The copy keeps
// base's TLS settings (a test server's root, a custom CA) and its proxy
// choice.
func guardTransport(base *http.Transport, g *dialGuard) *http.Transport {
	tr := base.Clone()
	tr.DialContext = g.DialContext
	// Any other dial hook would bypass the guard; TLS runs over our dial.
	tr.Dial, tr.DialTLS, tr.DialTLSContext = nil, nil, nil
	if tr.Proxy != nil {
		tr.Proxy = g.wrapProxy(tr.Proxy)
	}
	return tr
}
