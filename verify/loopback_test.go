package verify

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
)

// Loopback (issue 13): this machine is reached only at the exact scheme,
// host and port the user typed on the command line, never through a
// redirect, a discovery document or a token's issuer. Each case runs two
// loopback servers: the one the user names, and a bystander that must
// never see a connection.

// bystander is a loopback server that counts every connection made to it
// (a refused fetch must not even connect) and serves the demo JWKS, so a
// fetch that reaches it would verify the demo token.
type bystander struct {
	*httptest.Server
	conns atomic.Int32
}

func newBystander(t *testing.T, tls bool, listen string) *bystander {
	t.Helper()
	b := &bystander{}
	b.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(fixtures.DemoJWKS())
	}))
	if listen != "" {
		l, err := net.Listen("tcp", listen)
		if err != nil {
			t.Skipf("cannot listen on %s here: %v", listen, err)
		}
		b.Listener.Close()
		b.Listener = l
	}
	b.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			b.conns.Add(1)
		}
	}
	if tls {
		b.StartTLS()
	} else {
		b.Start()
	}
	t.Cleanup(b.Close)
	return b
}

// wantUntouched fails if anything connected to b.
func (b *bystander) wantUntouched(t *testing.T, what string) {
	t.Helper()
	if n := b.conns.Load(); n != 0 {
		t.Errorf("%s: %d connection(s) reached the loopback server at %s; none may", what, n, b.URL)
	}
}

// redirector is the server the user names: /to?u=URL redirects to URL,
// /jwks serves the demo JWKS, /redirect/N redirects N times within itself.
func redirector(t *testing.T, tls bool) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/to", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("u"), http.StatusFound)
	})
	mux.HandleFunc("/jwks", func(w http.ResponseWriter, r *http.Request) { w.Write(fixtures.DemoJWKS()) })
	mux.HandleFunc("/redirect/{n}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("n") == "0" {
			w.Write(fixtures.DemoJWKS())
			return
		}
		http.Redirect(w, r, "/redirect/0", http.StatusFound)
	})
	var srv *httptest.Server
	if tls {
		srv = httptest.NewTLSServer(mux)
	} else {
		srv = httptest.NewServer(mux)
	}
	t.Cleanup(srv.Close)
	return srv
}

func portOf(t *testing.T, srv *httptest.Server) string {
	t.Helper()
	_, port, err := net.SplitHostPort(srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	return port
}

// typedGet fetches u as a URL the user typed (--jwks): its host may be an
// address and its origin loopback, as the test servers' are.
func typedGet(f Fetcher, u string) ([]byte, error) {
	return f.get(context.Background(), u, typed(u))
}

// typedDiscover discovers issuer as if the user had typed it (--issuer
// with --discover).
func typedDiscover(f Fetcher, issuer string) (Discovery, error) {
	return f.discover(context.Background(), issuer, typed(issuer))
}

// TestLoopbackOnlyWhereTyped: --jwks URL redirects and discovered URLs
// never reach another loopback address or port.
func TestLoopbackOnlyWhereTyped(t *testing.T) {
	tok := mustParse(t, demoToken(t, "push-main"))
	at := fixtures.StaticNow()

	redirects := []struct {
		name   string
		tls    bool   // the named server
		listen string // the bystander's address ("" for 127.0.0.1:0)
		to     func(b *bystander) string
	}{
		{"https --jwks redirects to http://127.0.0.1:other/admin/flush", true, "", func(b *bystander) string {
			return b.URL + "/admin/flush?all=1"
		}},
		{"http --jwks redirects to another loopback port", false, "", func(b *bystander) string {
			return b.URL + "/jwks"
		}},
		{"redirect to http://localhost:other", true, "", func(b *bystander) string {
			return strings.Replace(b.URL, "127.0.0.1", "localhost", 1) + "/jwks"
		}},
		{"redirect to http://127.0.0.2", true, "127.0.0.2:0", func(b *bystander) string {
			return b.URL + "/jwks"
		}},
		{"redirect to http://[::ffff:127.0.0.1]:other", true, "", func(b *bystander) string {
			return "http://[::ffff:127.0.0.1]:" + b.URL[strings.LastIndexByte(b.URL, ':')+1:] + "/jwks"
		}},
	}
	for _, tc := range redirects {
		t.Run(tc.name, func(t *testing.T) {
			named := redirector(t, tc.tls)
			other := newBystander(t, false, tc.listen)
			src := Source{JWKS: named.URL + "/to?u=" + url.QueryEscape(tc.to(other)), Fetcher: Fetcher{Client: named.Client(), Timeout: 2 * time.Second}}
			ks, err := src.Load(context.Background(), tok)
			other.wantUntouched(t, tc.name)
			if !errors.Is(err, ErrRefusedAddress) || !errors.Is(err, ErrKeySource) {
				t.Errorf("Load = %v; want ErrKeySource and ErrRefusedAddress", err)
			}
			if res := Verify(tok, Options{Keys: ks, At: at}); res.Signature.Status == StatusValid {
				t.Errorf("the token verified with keys from a redirect to loopback")
			}
		})
	}

	t.Run("a redirect to https on another loopback port", func(t *testing.T) {
		named := redirector(t, true)
		other := newBystander(t, true, "")
		src := Source{JWKS: named.URL + "/to?u=" + url.QueryEscape(other.URL+"/jwks"), Fetcher: Fetcher{Client: named.Client(), Timeout: 2 * time.Second}}
		_, err := src.Load(context.Background(), tok)
		other.wantUntouched(t, "https redirect")
		if !errors.Is(err, ErrRefusedAddress) {
			t.Errorf("Load = %v; want ErrRefusedAddress", err)
		}
	})

	t.Run("Fetcher.Get names nothing", func(t *testing.T) {
		other := newBystander(t, false, "")
		_, err := Fetcher{Timeout: 2 * time.Second}.Get(context.Background(), other.URL+"/jwks")
		other.wantUntouched(t, "Get")
		if !errors.Is(err, ErrRefusedAddress) {
			t.Errorf("Get = %v; want ErrRefusedAddress", err)
		}
	})

	// What the user typed still works, redirects within it included.
	for _, tls := range []bool{false, true} {
		named := redirector(t, tls)
		for _, path := range []string{"/jwks", "/redirect/1", "/to?u=" + url.QueryEscape(named.URL+"/jwks")} {
			ks, err := Source{JWKS: named.URL + path, Fetcher: Fetcher{Client: named.Client(), Timeout: 2 * time.Second}}.Load(context.Background(), tok)
			if err != nil {
				t.Errorf("--jwks %s: %v", named.URL+path, err)
				continue
			}
			wantValid(t, "--jwks "+named.URL+path, Verify(tok, Options{Keys: ks, At: at}))
		}
	}
	t.Run("typed localhost", func(t *testing.T) {
		named := redirector(t, false)
		u := "http://localhost:" + portOf(t, named) + "/redirect/1"
		ks, err := Source{JWKS: u, Fetcher: Fetcher{Timeout: 2 * time.Second}}.Load(context.Background(), tok)
		if err != nil {
			t.Fatalf("--jwks %s: %v", u, err)
		}
		wantValid(t, "--jwks "+u, Verify(tok, Options{Keys: ks, At: at}))
	})
}

// TestLoopbackNotFromDocuments: a discovery document (GitHub's, or any
// issuer's under --discover) never sends a fetch to loopback, and a token's
// issuer on loopback is not discovered.
func TestLoopbackNotFromDocuments(t *testing.T) {
	var mu sync.Mutex
	jwksURI := ""
	issuer := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/.well-known/openid-configuration" {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, `{"issuer":%q,"jwks_uri":%q}`, "https://"+r.Host, jwksURI)
	}))
	t.Cleanup(issuer.Close)
	ln := loopNet{issuer: issuer.Listener.Addr().String(), names: map[string][]string{
		"token.actions.githubusercontent.com": {"140.82.112.21"},
		"issuer.example.com":                  {"140.82.112.22"},
		"localhost":                           {"127.0.0.1"},
		"loop.example.com":                    {"127.0.0.1"},
	}}
	fetcher := Fetcher{Client: anyNameClient(issuer), Timeout: 2 * time.Second, lookup: ln.lookup, dial: ln.dial}
	gh := mustParse(t, demoToken(t, "push-main"))
	other := mustParse(t, tokenForIssuer(t, "https://issuer.example.com", nil))

	for _, tc := range []struct {
		name string
		tok  string
		src  Source
		uri  func(b *bystander) string
	}{
		{"GitHub's document: jwks_uri http://localhost", "gh", Source{}, func(b *bystander) string {
			return "http://localhost:" + portOf(t, b.Server) + "/"
		}},
		{"GitHub's document: jwks_uri http://127.0.0.1", "gh", Source{}, func(b *bystander) string { return b.URL + "/jwks" }},
		{"GitHub's document: jwks_uri a name resolving to 127.0.0.1", "gh", Source{}, func(b *bystander) string {
			return "https://loop.example.com:" + portOf(t, b.Server) + "/jwks"
		}},
		{"--discover: jwks_uri http://localhost", "other", Source{Discover: true}, func(b *bystander) string {
			return "http://localhost:" + portOf(t, b.Server) + "/jwks"
		}},
		{"--discover: jwks_uri http://[::ffff:127.0.0.1]", "other", Source{Discover: true}, func(b *bystander) string {
			return "http://[::ffff:127.0.0.1]:" + portOf(t, b.Server) + "/jwks"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBystander(t, false, "")
			mu.Lock()
			jwksURI = tc.uri(b)
			mu.Unlock()
			tok := map[string]*decode.Token{"gh": gh, "other": other}[tc.tok]
			src := tc.src
			src.Fetcher = fetcher
			ks, err := src.Load(context.Background(), tok)
			b.wantUntouched(t, tc.name)
			if !errors.Is(err, ErrRefusedAddress) || !errors.Is(err, ErrKeySource) {
				t.Errorf("Load = %v; want ErrKeySource and ErrRefusedAddress", err)
			}
			if res := Verify(tok, Options{Keys: ks, At: fixtures.StaticNow()}); res.Signature.Status == StatusValid {
				t.Errorf("the token verified with keys a document put on loopback")
			}
		})
	}

	t.Run("--discover: the token's issuer on loopback", func(t *testing.T) {
		b := newBystander(t, true, "")
		tok := mustParse(t, tokenForIssuer(t, b.URL, nil))
		_, err := Source{Discover: true, Fetcher: Fetcher{Client: b.Client(), Timeout: 2 * time.Second}}.Load(context.Background(), tok)
		b.wantUntouched(t, "issuer from the token")
		if !errors.Is(err, ErrRefusedAddress) {
			t.Errorf("Load = %v; want ErrRefusedAddress", err)
		}
		// Typing another issuer does not name this one.
		_, err = Source{Discover: true, Issuer: "https://issuer.example.com", Fetcher: Fetcher{Client: b.Client(), Timeout: 2 * time.Second}}.Load(context.Background(), tok)
		b.wantUntouched(t, "issuer from the token, another --issuer typed")
		if !errors.Is(err, ErrRefusedAddress) {
			t.Errorf("Load = %v; want ErrRefusedAddress", err)
		}
	})

	t.Run("--discover --issuer typed: its jwks_uri on another loopback port", func(t *testing.T) {
		b := newBystander(t, false, "")
		iss := newKeyServer(t, true, map[string]string{
			"/.well-known/openid-configuration": `{"issuer":"{{base}}","jwks_uri":"` + b.URL + `/jwks"}`,
		})
		tok := mustParse(t, tokenForIssuer(t, iss.URL, nil))
		_, err := Source{Discover: true, Issuer: iss.URL, Fetcher: iss.fetcher()}.Load(context.Background(), tok)
		b.wantUntouched(t, "jwks_uri of a typed loopback issuer")
		if !errors.Is(err, ErrRefusedAddress) || !errors.Is(err, ErrDiscovery) {
			t.Errorf("Load = %v; want ErrDiscovery and ErrRefusedAddress", err)
		}
		if got := iss.requests(); len(got) != 1 {
			t.Errorf("the typed issuer saw %v; want only its discovery document fetched", got)
		}
	})
}

// TestFetchSendsNoReferer: a redirect must not tell the next hop where it
// came from: a --jwks URL's query may be a signed-URL credential.
func TestFetchSendsNoReferer(t *testing.T) {
	var mu sync.Mutex
	var referers []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		referers = append(referers, r.Header.Get("Referer"))
		mu.Unlock()
		if r.URL.Path == "/first" {
			http.Redirect(w, r, "/second", http.StatusFound)
			return
		}
		w.Write(fixtures.DemoJWKS())
	}))
	defer srv.Close()
	tok := mustParse(t, demoToken(t, "push-main"))
	if _, err := (Source{JWKS: srv.URL + "/first?sig=SIGNED-URL-SECRET", Fetcher: Fetcher{Timeout: 2 * time.Second}}).Load(context.Background(), tok); err != nil {
		t.Fatalf("Load: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(referers) != 2 {
		t.Fatalf("%d requests, want 2 (the redirect and its target)", len(referers))
	}
	for i, ref := range referers {
		if ref != "" {
			t.Errorf("request %d carried Referer %q; want none", i+1, ref)
		}
	}
}
