package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
	"github.com/oidcscope/oidcscope/verify"
)

// TestKeysFetchedInBackground: the report shows at once from the offline
// pass with a spinner in place of the signature, and the fetched keys then
// verify it.
func TestKeysFetchedInBackground(t *testing.T) {
	release := make(chan struct{})
	// Closed before the server is (t.Cleanup), which waits for the
	// request held here.
	defer close(release)
	m := typedDemo(t, inspect.NewSession(keyServerOptions(t, func() { <-release })))
	// Enter starts the offline pass; its answer starts the fetch.
	next, cmd := m.Update(teakey.Msg("enter"))
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
