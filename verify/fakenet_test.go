package verify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"
)

// Fake networks for the address rules (dial_test.go, loopback_test.go):
// names resolve from a table, never through real DNS, and dials land on
// local httptest servers, so no packet leaves the machine.

// resolveTable answers a lookup of host from names (lower-case host to
// addresses), or "no such host".
func resolveTable(names map[string][]string, host string) ([]netip.Addr, error) {
	raw, ok := names[strings.ToLower(host)]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	var ips []netip.Addr
	for _, r := range raw {
		ips = append(ips, netip.MustParseAddr(r))
	}
	return ips, nil
}

// fakeNet resolves names from a table and sends every dial to one server,
// recording the addresses dialed.
type fakeNet struct {
	t      *testing.T
	target string // host:port every dial reaches
	names  map[string][]string

	mu      sync.Mutex
	lookups []string
	dialed  []string
}

func newFakeNet(t *testing.T, srv *httptest.Server, names map[string][]string) *fakeNet {
	return &fakeNet{t: t, target: srv.Listener.Addr().String(), names: names}
}

func (n *fakeNet) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	n.mu.Lock()
	n.lookups = append(n.lookups, host)
	n.mu.Unlock()
	return resolveTable(n.names, host)
}

func (n *fakeNet) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	n.mu.Lock()
	n.dialed = append(n.dialed, addr)
	n.mu.Unlock()
	var d net.Dialer
	return d.DialContext(ctx, network, n.target)
}

func (n *fakeNet) dials() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]string(nil), n.dialed...)
}

// fetcher dials through the guard (client is an *http.Transport client)
// with n's resolver and dialer.
func (n *fakeNet) fetcher(client *http.Client) Fetcher {
	return Fetcher{Client: client, Timeout: 5 * time.Second, lookup: n.lookup, dial: n.dial}
}

// anyNameClient trusts srv's certificate for whatever host a URL names:
// the test names hosts freely and the fake network sends them all to srv.
func anyNameClient(srv *httptest.Server) *http.Client {
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "example.com"}}}
}

// loopNet resolves names from a table (no real DNS) and dials loopback
// addresses as they are, every other address to the fake issuer server:
// so a discovery document can point at a real loopback bystander.
type loopNet struct {
	issuer string // host:port of the server every public address reaches
	names  map[string][]string
}

func (n loopNet) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	return resolveTable(n.names, host)
}

func (n loopNet) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	if ap, err := netip.ParseAddrPort(addr); err == nil && ap.Addr().Unmap().IsLoopback() {
		return d.DialContext(ctx, network, addr)
	}
	return d.DialContext(ctx, network, n.issuer)
}
