package ui

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// keyServerOptions serve the demo key set on loopback, calling each
// request first (to count the fetches, or hold them back), and are
// options that fetch it: every provider, the fixed instant.
func keyServerOptions(t *testing.T, each func()) inspect.Options {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		each()
		w.Header().Set("Content-Type", "application/json")
		w.Write(fixtures.DemoJWKS())
	}))
	t.Cleanup(srv.Close)
	return withProviders(inspect.Options{At: fixedNow(), Source: verify.Source{JWKS: srv.URL + "/jwks"}})
}

// typedDemo is the paste screen of s at 100×30 with the demo token typed
// in, not yet entered.
func typedDemo(t *testing.T, s inspect.Session) Model {
	t.Helper()
	m, _ := newTestModel(t, s, nil, 100, 30)
	return typeText(t, m, string(demoToken(t)))
}

// githubOnLoopback stands in for GitHub's issuer: its discovery document
// and a snapshot of its key set (testdata/SOURCES.md), served by an
// httptest server that every request of the returned client reaches.
func githubOnLoopback(t *testing.T) *http.Client {
	t.Helper()
	jwks := repoFile(t, "testdata/github/github-jwks-snapshot-crates.io.json")
	const issuer = "https://token.actions.githubusercontent.com"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/.well-known/openid-configuration":
			w.Write([]byte(`{"issuer":"` + issuer + `","jwks_uri":"` + issuer + `/.well-known/jwks"}`))
		case "/.well-known/jwks":
			w.Write(jwks)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	to, _ := url.Parse(srv.URL)
	return &http.Client{Transport: redirectTo{to: to}}
}

// redirectTo sends every request to one test server, whatever its host.
type redirectTo struct{ to *url.URL }

func (r redirectTo) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = r.to.Scheme, r.to.Host
	return http.DefaultTransport.RoundTrip(req)
}
