package ui

import (
	"net/http"
	"net/http/httptest"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// TestKeysFetchedInBackground: the report shows at once from the offline
// pass with a spinner in place of the signature, and the fetched keys then
// verify it.
func TestKeysFetchedInBackground(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(fixtures.DemoJWKS()))
	}))
	defer srv.Close()
	defer close(release)

	tok, _ := fixtures.Sign(fixtures.DefaultDemo, fixedNow())
	s := inspect.NewSession(withProviders(inspect.Options{At: fixedNow(), Source: verify.Source{JWKS: srv.URL + "/jwks"}}))
	m, _ := newTestModel(t, s, nil, 100, 30)
	m = typeText(t, m, tok)
	// Enter starts the offline pass; its answer starts the fetch.
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	offline := results(cmd)
	if len(offline) != 1 {
		t.Fatalf("enter started %d answers, want the offline report", len(offline))
	}
	next, cmd = m.Update(offline[0])
	m = next.(Model)
	if !m.fetching || m.report == nil {
		t.Fatal("after the offline pass: want the report and a fetch under way")
	}
	contains(t, m.View(), "fetching keys")
	contains(t, m.View(), "check_run_id")

	// The server answers; the full report replaces the offline one.
	done := make(chan tea.Msg, 4)
	batch, ok := cmd().(tea.BatchMsg)
	if !ok {
		t.Fatal("want the fetch and the spinner together")
	}
	for _, c := range batch {
		go func() { done <- c() }()
	}
	release <- struct{}{}
	for range batch {
		if rm, ok := (<-done).(reportMsg); ok {
			next, _ = m.Update(rm)
			m = next.(Model)
		}
	}
	if m.fetching || m.report.Verify.Signature.Status != verify.StatusValid {
		t.Fatalf("after the fetch: fetching %v, signature %s", m.fetching, m.report.Verify.Signature.Status)
	}
	contains(t, m.View(), "✓ valid")
}
