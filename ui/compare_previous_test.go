package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// pasteToken is n, a bracketed paste of tok and enter: the next token.
func pasteToken(t *testing.T, m Model, tok []byte) Model {
	t.Helper()
	m = keys(t, m, "n")
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(string(tok)), Paste: true})
	m = keys(t, m, "enter")
	if m.report == nil || m.report.Token == nil {
		t.Fatal("the pasted token was not inspected")
	}
	return m
}

// TestComparePreviousToken: "works on main, fails on the PR". After the
// demo's push to main, n and the pull-request token, = with nothing
// edited compares the previous token (A) with this one (B): the main
// branch's role flips from allow to deny, with the sub that differs.
// Once an edit exists, = compares real and edited again; undone, the
// previous token again.
func TestComparePreviousToken(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	if first := keys(t, m, "="); first.pane == paneCompare || !strings.Contains(first.flash, "nothing edited") {
		t.Errorf("= on the first token, nothing edited: pane %v, flash %q", first.pane, first.flash)
	}
	m = pasteToken(t, m, staticToken(t, "pull-request"))
	if m.previous == nil {
		t.Fatal("the demo token's report was not kept as the previous")
	}
	m = keys(t, m, "=")
	if m.pane != paneCompare {
		t.Fatalf("= after a second token: pane %v (flash %q), want the side-by-side", m.pane, m.flash)
	}
	side := m.paneContent(100)
	contains(t, side, "Previous vs this token")
	contains(t, side, "✓ allow → ✗ deny  aws "+mainRole)
	// The claims too wide for three columns: each over its two values.
	contains(t, side, "sub\n    previous   \"repo:octo-org/octo-repo:ref:refs/heads/main\"\n    this token \"repo:octo-org/octo-repo:pull_request\"")
	if strings.Contains(side, "edited") {
		t.Errorf("the tokens' side-by-side speaks of edits:\n%s", side)
	}
	contains(t, m.View(), "[previous vs this]")

	m = keys(t, editClaim(t, keys(t, m, "esc"), "event_name", "push"), "=")
	side = m.paneContent(100)
	contains(t, side, "Real vs edited")
	m = keys(t, m, "u")
	if m.pane != paneCompare {
		t.Fatalf("u in the side-by-side with a previous token: pane %v", m.pane)
	}
	contains(t, m.paneContent(100), "Previous vs this token")
}

// TestPreviousIsTheRealToken: the previous token is the one inspected,
// not its edits, and each new token moves it on.
func TestPreviousIsTheRealToken(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	m = editClaim(t, m, "event_name", "pull_request")
	m = pasteToken(t, m, staticToken(t, "environment-prod"))
	if m.previous == nil || m.previous.Unsigned != "" || claimValue(t, m.previous, "event_name") != "push" {
		t.Fatalf("previous is not the demo token itself")
	}
	m = pasteToken(t, m, staticToken(t, "pull-request"))
	if got := claimValue(t, m.previous, "environment"); got != "prod" {
		t.Errorf("previous after a third token holds environment %q, want the second token's", got)
	}
}
