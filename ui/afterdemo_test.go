package ui

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// githubOnLoopback stands in for GitHub's issuer: its discovery document
// and a snapshot of its key set (testdata/SOURCES.md), served by an
// httptest server that every request of the returned client reaches.
func githubOnLoopback(t *testing.T) *http.Client {
	t.Helper()
	jwks, err := os.ReadFile(filepath.Join("..", "testdata", "github", "github-jwks-snapshot-crates.io.json"))
	if err != nil {
		t.Fatal(err)
	}
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

// TestTokenAfterTheDemoIsVerifiedNormally: after --demo, n and a real
// GitHub token are verified as without --demo (discovery for GitHub's
// issuer, no demo audience), with the demo's sample policies kept, and
// the title no longer says demo (issue 16, item 1).
func TestTokenAfterTheDemoIsVerifiedNormally(t *testing.T) {
	beacon, err := os.ReadFile(filepath.Join("..", "testdata", "github", "sigstore-beacon.jwt"))
	if err != nil {
		t.Fatal(err)
	}
	inside := time.Date(2026, 6, 13, 19, 1, 30, 0, time.UTC) // the beacon's lifetime
	clock := func() time.Time { return inside }
	normal := withProviders(inspect.Options{Now: clock,
		Source: verify.Source{Fetcher: verify.Fetcher{Client: githubOnLoopback(t)}}})
	demo := demoOptions(t)
	demo.At = time.Time{}
	demo.Now = clock
	demoSession := inspect.NewSession(demo).WithPolicies(demoPolicySet(t))
	tok, err := fixtures.Sign(fixtures.DefaultDemo, inside)
	if err != nil {
		t.Fatal(err)
	}
	m := New(Config{
		Session: inspect.NewSession(normal), DemoSession: &demoSession,
		Input: []byte(tok), InputDemo: true,
		Renderer: asciiRenderer(), Now: clock, Clipboard: &bytes.Buffer{},
		Getenv: func(string) string { return "" }, StaticCursor: true,
		DemoToken: func(now time.Time) ([]byte, error) {
			tok, err := fixtures.Sign(fixtures.DefaultDemo, now)
			return []byte(tok), err
		},
	})
	m = send(t, m, tea.WindowSizeMsg{Width: 160, Height: 40})
	m = run(t, m, m.Init())
	status := func(m Model) string { return strings.SplitN(m.View(), "\n", 2)[0] }
	contains(t, status(m), "oidcscope · demo · ✓ valid RS256")
	samples := m.session.PolicyCount()
	if samples == 0 {
		t.Fatal("the demo has no sample policies")
	}

	m = keys(t, m, "n")
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(string(beacon)), Paste: true})
	m = keys(t, m, "enter")
	if m.report == nil || m.report.Token == nil {
		t.Fatal("the pasted token was not inspected")
	}
	if got := m.report.Verify.Signature.Status; got != verify.StatusValid {
		t.Errorf("the real token's signature is %s (%s), want valid with GitHub's keys", got, m.report.Verify.Signature.Reason)
	}
	line := status(m)
	for _, bad := range []string{"demo", "invalid", "fail aud"} {
		if strings.Contains(line, bad) {
			t.Errorf("status line says %q:\n%s", bad, line)
		}
	}
	contains(t, line, "✓ valid RS256")
	for _, n := range m.report.Notes {
		if strings.Contains(n, "demo") {
			t.Errorf("a demo note stayed: %s", n)
		}
	}
	if got := m.session.PolicyCount(); got != samples {
		t.Errorf("%d policies after the demo, want its %d samples", got, samples)
	}
	if len(m.report.Policies) != samples {
		t.Errorf("the real token was evaluated against %d policies, want %d", len(m.report.Policies), samples)
	}

	// ctrl+d on the paste screen is the demo again, titled so.
	m = keys(t, m, "n", "ctrl+d")
	contains(t, status(m), "oidcscope · demo · ✓ valid RS256")
}
