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

	"github.com/oidcscope/oidcscope/internal/setting"
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
func (n named) howToName() string {
	return fmt.Sprintf("only a host you name yourself (a %s URL, or the token's issuer with %s) may be an IP address or resolve there",
		n.say.Name(setting.JWKS), n.say.Name(setting.Discover))
}

// howToReachLoopback tells the user the one way to reach this machine.
func (n named) howToReachLoopback() string {
	return fmt.Sprintf("this machine is reached only at the exact scheme, host and port you type (a %s URL, or %s with %s), never through a redirect, a discovery document or a token",
		n.say.Name(setting.JWKS), n.say.Name(setting.Issuer), n.say.Name(setting.Discover))
}

// addrProblem says why ip must not be dialed for a host the user did not
// name, or returns "".
func addrProblem(ip netip.Addr) string {
	ip = ip.Unmap().WithZone("")
	if v4, ok := nat64Embedded(ip); ok {
		if p := addrProblem(v4); p != "" {
			return p + " (inside a NAT64 address)"
		}
	}
	if what := metadataService(ip); what != "" {
		return "the address of " + what
	}
	switch {
	case ip.IsLinkLocalUnicast():
		return "a link-local address (169.254.0.0/16 or fe80::/10, where cloud metadata services answer)"
	case isLoopbackAddr(ip):
		return "a loopback address"
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

// isLoopbackAddr reports whether ip reaches this machine's loopback
// interface, as itself, IPv4-mapped or inside a NAT64 address.
func isLoopbackAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if v4, ok := nat64Embedded(ip); ok {
		ip = v4
	}
	return ip.IsLoopback()
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

// dialGuard is the DialContext of one fetch's transport.
type dialGuard struct {
	named  named // what the user typed
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)

	mu      sync.Mutex
	proxies map[string]bool // proxy hosts from the environment: the user's choice
}

func newDialGuard(f Fetcher, n named) *dialGuard {
	g := &dialGuard{named: n, lookup: f.lookup, dial: f.dial, proxies: map[string]bool{}}
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
		return nil, fmt.Errorf("no address for %s", host)
	}
	// Every address, not only the first: a name that also resolves to the
	// metadata service is refused even if another address would do.
	for _, ip := range ips {
		if err := g.refuse(host, port, ip); err != nil {
			return nil, err
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

// refuse says why ip must not be dialed for host:port, or returns nil. A
// host the user named may resolve anywhere but loopback; loopback only for
// the exact host and port the user typed.
func (g *dialGuard) refuse(host, port string, ip netip.Addr) error {
	p := addrProblem(ip)
	switch {
	case p == "":
		return nil
	case isLoopbackAddr(ip):
		if g.named.namesHostPort(host, port) {
			return nil
		}
		return fmt.Errorf("%w: %s resolves to %s, %s; %s",
			ErrRefusedAddress, net.JoinHostPort(host, port), ip, p, g.named.howToReachLoopback())
	case g.named.namesHost(host):
		return nil
	}
	return fmt.Errorf("%w: %s resolves to %s, %s; %s",
		ErrRefusedAddress, host, ip, p, g.named.howToName())
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
