package verify

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
)

// The address rules of dial.go, end to end: names are resolved by a fake
// resolver and every dial lands on a local httptest server, so the tests
// can say "this name resolves to 169.254.169.254" without any real DNS or
// any packet leaving the machine.

func TestAddrProblem(t *testing.T) {
	cases := []struct {
		ip      string
		refused bool
		says    string // a substring of the reason
	}{
		{"169.254.169.254", true, "metadata"},
		{"::ffff:169.254.169.254", true, "metadata"},
		{"64:ff9b::a9fe:a9fe", true, "NAT64"}, // 169.254.169.254 through NAT64
		{"fd00:ec2::254", true, "AWS metadata"},
		{"100.100.100.200", true, "Alibaba"},
		{"168.63.129.16", true, "Azure"},
		{"169.254.1.2", true, "link-local"},
		{"fe80::1", true, "link-local"},
		{"fe80::1%eth0", true, "link-local"},
		{"127.0.0.1", true, "loopback"},
		{"::1", true, "loopback"},
		{"127.0.0.2", true, "loopback"},
		{"::ffff:127.0.0.1", true, "loopback"},
		{"64:ff9b::7f00:1", true, "loopback"}, // 127.0.0.1 through NAT64
		{"0.0.0.0", true, "unspecified"},
		{"::", true, "unspecified"},
		{"224.0.0.1", true, "multicast"},
		{"255.255.255.255", true, "broadcast"},
		// Private networks stay reachable: GHES and in-house issuers live there.
		{"10.1.2.3", false, ""},
		{"172.16.0.1", false, ""},
		{"192.168.1.1", false, ""},
		{"fd12:3456::1", false, ""},
		{"100.64.0.1", false, ""},
		{"140.82.112.21", false, ""},
		{"2606:50c0:8000::153", false, ""},
	}
	for _, c := range cases {
		p := addrProblem(netip.MustParseAddr(c.ip))
		if (p != "") != c.refused || !strings.Contains(p, c.says) {
			t.Errorf("addrProblem(%s) = %q, want refused=%v mentioning %q", c.ip, p, c.refused, c.says)
		}
	}
}

// refusingServer serves the demo JWKS at /jwks, redirects /to?u=URL to URL
// and answers 200 "ok" elsewhere.
func refusingServer(t *testing.T) *httptest.Server {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/jwks":
			w.Write(fixtures.DemoJWKS())
		case "/to":
			http.Redirect(w, r, r.URL.Query().Get("u"), http.StatusFound)
		default:
			fmt.Fprint(w, "ok")
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDialRefusesResolvedAddresses(t *testing.T) {
	srv := refusingServer(t)
	names := map[string][]string{
		"keys.example.com":     {"140.82.112.21"},
		"private.example.com":  {"10.1.2.3"},
		"metadata.example.com": {"169.254.169.254"},
		"aws6.example.com":     {"fd00:ec2::254"},
		"alibaba.example.com":  {"100.100.100.200"},
		"ll6.example.com":      {"fe80::1"},
		"mixed.example.com":    {"140.82.112.21", "169.254.169.254"},
		"loop.example.com":     {"127.0.0.1"},
		"zero.example.com":     {"0.0.0.0"},
		"2852039166":           {"169.254.169.254"}, // what getaddrinfo makes of a decimal IPv4
		"localhost":            {"127.0.0.1"},
	}
	tests := []struct {
		name    string
		url     string
		wantErr error
		says    []string
	}{
		{name: "public address", url: "https://keys.example.com/ok"},
		{name: "private address", url: "https://private.example.com/ok"},
		{name: "metadata IPv4", url: "https://metadata.example.com/ok", wantErr: ErrRefusedAddress, says: []string{"metadata.example.com", "169.254.169.254", "metadata service", "a JWK Set URL"}},
		{name: "metadata IPv6", url: "https://aws6.example.com/ok", wantErr: ErrRefusedAddress, says: []string{"fd00:ec2::254"}},
		{name: "Alibaba metadata", url: "https://alibaba.example.com/ok", wantErr: ErrRefusedAddress, says: []string{"100.100.100.200"}},
		{name: "IPv6 link-local", url: "https://ll6.example.com/ok", wantErr: ErrRefusedAddress, says: []string{"fe80::1", "link-local"}},
		{name: "one bad address among good", url: "https://mixed.example.com/ok", wantErr: ErrRefusedAddress, says: []string{"169.254.169.254"}},
		{name: "a name resolving to loopback", url: "https://loop.example.com/ok", wantErr: ErrRefusedAddress, says: []string{"loopback"}},
		{name: "localhost", url: "https://localhost/ok", wantErr: ErrRefusedAddress, says: []string{"loopback"}}, // issue 13: only where typed
		{name: "redirect to localhost", url: "https://keys.example.com/to?u=https://localhost/ok", wantErr: ErrRefusedAddress, says: []string{"redirect to https://localhost/ok", "loopback"}},
		{name: "a name resolving to 0.0.0.0", url: "https://zero.example.com/ok", wantErr: ErrRefusedAddress, says: []string{"unspecified"}},
		{name: "decimal IPv4 host", url: "https://2852039166/ok", wantErr: ErrRefusedAddress, says: []string{"169.254.169.254"}},
		{name: "metadata literal", url: "https://169.254.169.254/latest/meta-data/", wantErr: ErrIPLiteralHost, says: []string{"169.254.169.254", "DNS names"}},
		{name: "IPv6 metadata literal", url: "https://[fd00:ec2::254]/latest/meta-data/", wantErr: ErrIPLiteralHost},
		{name: "redirect to a metadata name", url: "https://keys.example.com/to?u=https://metadata.example.com/latest/meta-data/", wantErr: ErrRefusedAddress, says: []string{"169.254.169.254"}},
		{name: "redirect to a metadata literal", url: "https://keys.example.com/to?u=https://169.254.169.254/latest/meta-data/", wantErr: ErrIPLiteralHost, says: []string{"redirect to https://169.254.169.254/latest/meta-data/"}},
		{name: "redirect to plain http metadata", url: "https://keys.example.com/to?u=http://169.254.169.254/latest/meta-data/", wantErr: ErrNotHTTPS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := newFakeNet(t, srv, names)
			body, err := n.fetcher(anyNameClient(srv)).Get(context.Background(), tt.url)
			if tt.wantErr == nil {
				if err != nil || string(body) != "ok" {
					t.Fatalf("Get = %q, %v; want ok", body, err)
				}
				for _, d := range n.dials() {
					if _, err := netip.ParseAddrPort(d); err != nil {
						t.Errorf("dialed %q, want the checked address itself, not a name", d)
					}
				}
				return
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			for _, s := range tt.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
			for _, d := range n.dials() {
				if host, _, _ := net.SplitHostPort(d); host != "140.82.112.21" {
					t.Errorf("dialed %s; a refused address must never be dialed", d)
				}
			}
		})
	}
}

// TestDialNoRebinding: a name is resolved once per connection and the
// checked address is the one dialed, so a resolver that answers a public
// address first and the metadata address next never gets the second used.
func TestDialNoRebinding(t *testing.T) {
	srv := refusingServer(t)
	n := newFakeNet(t, srv, nil)
	answers := []string{"140.82.112.21", "169.254.169.254"}
	var calls atomic.Int32
	f := n.fetcher(anyNameClient(srv))
	f.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
		i := int(calls.Add(1)) - 1
		return []netip.Addr{netip.MustParseAddr(answers[min(i, len(answers)-1)])}, nil
	}
	if _, err := f.Get(context.Background(), "https://rebind.example.com/ok"); err != nil {
		t.Fatalf("Get: %v", err)
	}
	if got := n.dials(); len(got) != 1 || got[0] != "140.82.112.21:443" || calls.Load() != 1 {
		t.Errorf("dialed %v after %d lookups; want only the checked 140.82.112.21:443 after one", got, calls.Load())
	}
	// The next fetch sees the rebound answer and refuses it.
	if _, err := f.Get(context.Background(), "https://rebind.example.com/ok"); !errors.Is(err, ErrRefusedAddress) {
		t.Errorf("second Get err = %v, want ErrRefusedAddress", err)
	}
}

// TestDialNamedHost: a host the user named (--jwks, or the issuer with
// --discover) may resolve anywhere, but only that exact host.
func TestDialNamedHost(t *testing.T) {
	srv := refusingServer(t)
	names := map[string][]string{
		"metadata.example.com": {"169.254.169.254"},
		"other.example.com":    {"169.254.169.254"},
		"ghes.example.com":     {"10.20.30.40"},
	}
	tok := mustParse(t, demoToken(t, "push-main"))
	load := func(jwks string) (*fakeNet, *KeySet, error) {
		n := newFakeNet(t, srv, names)
		ks, err := Source{JWKS: jwks, Fetcher: n.fetcher(anyNameClient(srv))}.Load(context.Background(), tok)
		return n, ks, err
	}

	for _, u := range []string{
		"https://metadata.example.com/jwks",
		"https://ghes.example.com/jwks", // a private network, as GHES often is
		"https://169.254.169.254/jwks",  // an address the user typed
		"https://10.20.30.40/jwks",
	} {
		n, ks, err := load(u)
		if err != nil {
			t.Errorf("--jwks %s: %v; a host the user named is allowed", u, err)
			continue
		}
		wantValid(t, "--jwks "+u, Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()}))
		if len(n.dials()) != 1 {
			t.Errorf("--jwks %s: dialed %v", u, n.dials())
		}
	}

	// A redirect from the named host to another host gets every check.
	for _, to := range []string{"https://other.example.com/jwks", "https://169.254.169.254/jwks"} {
		_, _, err := load("https://metadata.example.com/to?u=" + url.QueryEscape(to))
		if !errors.Is(err, ErrRefusedAddress) && !errors.Is(err, ErrIPLiteralHost) {
			t.Errorf("redirect from the named host to %s: err = %v, want refused", to, err)
		}
	}
	// A redirect to the named host itself is fine.
	if _, _, err := load("https://metadata.example.com/to?u=/jwks"); err != nil {
		t.Errorf("redirect within the named host: %v", err)
	}
}

// TestDialThroughProxy: the proxy from the environment is the user's
// choice, so dialing it is allowed whatever its address.
func TestDialThroughProxy(t *testing.T) {
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "via proxy for "+r.URL.String()) // a proxy sees the absolute URL
	}))
	defer proxy.Close()
	n := newFakeNet(t, proxy, map[string][]string{"proxy.example.com": {"169.254.10.10"}})
	proxyURL, _ := url.Parse("http://proxy.example.com:3128")
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(proxyURL)}}
	body, err := typedGet(n.fetcher(client), "http://localhost:9/jwks")
	if err != nil || string(body) != "via proxy for http://localhost:9/jwks" {
		t.Fatalf("Get = %q, %v", body, err)
	}
	if d := n.dials(); len(d) != 1 || d[0] != "proxy.example.com:3128" {
		t.Errorf("dialed %v, want the proxy as configured", d)
	}
}

// TestDialGitHubDiscovery: automatic discovery of a GitHub issuer names no
// host, so neither GitHub's name nor the jwks_uri its document gives may
// resolve to the metadata service or be an address; --discover names the
// issuer's host and only that.
func TestDialGitHubDiscovery(t *testing.T) {
	const githubJWKS = "https://token.actions.githubusercontent.com/.well-known/jwks"
	var mu sync.Mutex
	jwksURI := githubJWKS // what the next document says; "{{iss}}" is its issuer
	setJWKSURI := func(u string) { mu.Lock(); jwksURI = u; mu.Unlock() }
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/.well-known/openid-configuration":
			iss := "https://" + r.Host
			mu.Lock()
			u := strings.ReplaceAll(jwksURI, "{{iss}}", iss)
			mu.Unlock()
			fmt.Fprintf(w, `{"issuer":%q,"jwks_uri":%q}`, iss, u)
		case "/.well-known/jwks":
			w.Write(fixtures.DemoJWKS())
		case "/to":
			http.Redirect(w, r, r.URL.Query().Get("u"), http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	github := map[string][]string{
		"token.actions.githubusercontent.com": {"140.82.112.21"},
		"metadata.example.com":                {"169.254.169.254"},
		"issuer.example.com":                  {"169.254.169.254"},
	}
	gh := mustParse(t, demoToken(t, "push-main")) // iss is GitHub's
	load := func(names map[string][]string, src Source) (*KeySet, error) {
		n := newFakeNet(t, srv, names)
		src.Fetcher = n.fetcher(anyNameClient(srv))
		return src.Load(context.Background(), gh)
	}

	ks, err := load(github, Source{})
	if err != nil {
		t.Fatalf("automatic GitHub discovery: %v", err)
	}
	wantValid(t, "automatic GitHub discovery", Verify(gh, Options{Keys: ks, At: fixtures.StaticNow()}))

	refused := []struct {
		name    string
		jwksURI string
		names   map[string][]string
		want    error
	}{
		{"jwks_uri is a metadata literal", "https://169.254.169.254/latest/meta-data/", github, ErrIPLiteralHost},
		{"jwks_uri resolves to metadata", "https://metadata.example.com/jwks", github, ErrRefusedAddress},
		{"jwks_uri redirects to metadata", "{{iss}}/to?u=https://metadata.example.com/jwks", github, ErrRefusedAddress},
		{"GitHub's name resolves to metadata", githubJWKS, map[string][]string{"token.actions.githubusercontent.com": {"169.254.169.254"}}, ErrRefusedAddress},
	}
	for _, r := range refused {
		setJWKSURI(r.jwksURI)
		_, err := load(r.names, Source{})
		if !errors.Is(err, r.want) || !errors.Is(err, ErrKeySource) {
			t.Errorf("%s: err = %v, want ErrKeySource and %v", r.name, err, r.want)
		}
	}

	// --discover names the token's issuer: it may resolve anywhere, but a
	// jwks_uri on another host may not.
	other := mustParse(t, tokenForIssuer(t, "https://issuer.example.com", nil))
	setJWKSURI("{{iss}}/.well-known/jwks")
	n := newFakeNet(t, srv, github)
	ks, err = Source{Discover: true, Fetcher: n.fetcher(anyNameClient(srv))}.Load(context.Background(), other)
	if err != nil {
		t.Fatalf("--discover for an issuer resolving to 169.254.169.254: %v; the user named it", err)
	}
	wantValid(t, "--discover, named issuer", Verify(other, Options{Keys: ks, At: fixtures.StaticNow()}))
	setJWKSURI("https://metadata.example.com/jwks")
	_, err = Source{Discover: true, Fetcher: n.fetcher(anyNameClient(srv))}.Load(context.Background(), other)
	if !errors.Is(err, ErrRefusedAddress) {
		t.Errorf("--discover, jwks_uri on another host resolving to metadata: err = %v, want ErrRefusedAddress", err)
	}
}
