package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/oidcscope/oidcscope/inspect"
)

// The sizes the provider error screens are drawn at: the narrowest pane
// the README supports to a wide one.
var errorSizes = [][2]int{{60, 20}, {80, 24}, {120, 35}}

// demoWithEntra is the demo's session (its sample policies, the Entra
// credential for refs/heads/main among them) with the environment
// credentials too, so a pasted Entra error fits one and differs from
// others.
func demoWithEntra(t *testing.T) inspect.Session {
	t.Helper()
	s, failures := inspect.NewSession(demoOptions(t)).WithPolicies(demoPolicySet(t)).
		WithPolicyFiles("../fixtures/policies/entra/graph-list-environment-prod.json")
	if len(failures) > 0 {
		t.Fatal(failures)
	}
	return s
}

// pasted is text arriving as one bracketed paste on the paste screen.
func pasted(t *testing.T, m Model, text string) Model {
	t.Helper()
	return send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true})
}

// jobLog is a GitHub Actions log excerpt as downloaded: timestamps, ANSI
// colours, the token printed by a debugging step and the error it got.
func jobLog(t *testing.T, errorLine string) string {
	return "2026-01-01T00:00:01.0000000Z \x1b[36;1mRun azure/login@v2\x1b[0m\n" +
		"2026-01-01T00:00:02.0000000Z token: " + string(staticToken(t, "push-main")) + "\n" +
		"2026-01-01T00:00:03.0000000Z \x1b[31;1mError: " + errorLine + "\x1b[0m\n"
}

// screenText is what a golden file holds: the screen, then the whole
// scrolling text of the pane at its width.
func screenText(m Model) []byte {
	return []byte(m.View() + "\n" + strings.Repeat("-", m.vp.Width) + "|\n" + m.paneContent(m.vp.Width) + "\n")
}

// TestProviderErrorNoToken: an Entra error pasted alone names itself on
// the paste screen, not "no token found"; enter explains it, with the
// credential its subject fits and those it differs from, and what to
// paste next, at every size, scrolling to the end.
func TestProviderErrorNoToken(t *testing.T) {
	msg := "##[error]" + entraSubjectError("repo:octo-org/octo-repo:ref:refs/heads/main")
	for _, size := range errorSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, _ := newTestModel(t, demoWithEntra(t), nil, size[0], size[1])
			m = pasted(t, m, msg)
			paste := m.View()
			assertSafe(t, paste, size[0], size[1])
			if strings.Contains(paste, "no token found") || !strings.Contains(paste, "! AADSTS700213 · Entra") {
				t.Errorf("the paste screen does not name the error:\n%s", paste)
			}
			m = keys(t, m, "enter")
			if m.report == nil || m.report.Token != nil || len(m.report.ProviderErrors) != 1 {
				t.Fatal("enter did not inspect the error")
			}
			view := m.View()
			assertSafe(t, view, size[0], size[1])
			for _, want := range []string{"✗ AADSTS700213 · Entra", "✗ no token", "Errors (1)"} {
				if !strings.Contains(view, want) {
					t.Errorf("the screen lacks %q:\n%s", want, view)
				}
			}
			text := ansi.Strip(m.paneContent(m.vp.Width))
			for _, want := range []string{"✓ fits", "octo-repo-main-sts-audience", "✗ differs", "octo-repo-env-prod", "Paste next", "Problems"} {
				if !strings.Contains(text, want) {
					t.Errorf("the errors pane lacks %q", want)
				}
			}
			// j and G scroll the text (the Claims pane has the focus,
			// but no token: its list is not there to move in).
			if end := keys(t, m, "G").View(); !strings.Contains(end, "n pastes another token") {
				t.Errorf("G does not scroll to the end:\n%s", end)
			}
			if m.vp.TotalLineCount() > m.vp.Height && keys(t, m, "j").vp.YOffset != 1 {
				t.Error("j does not scroll the errors")
			}
			// The paste screen, then the inspector and its whole text.
			golden.RequireEqual(t, append([]byte(paste+"\n"+strings.Repeat("=", size[0])+"\n"), screenText(m)...))
		})
	}
}

// TestProviderErrorWithToken: a job log holding the token and the error
// it got opens on the error, the token's policies behind it listed, and
// each of those policies names the error in its detail.
func TestProviderErrorWithToken(t *testing.T) {
	for _, size := range errorSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, _ := newTestModel(t, demoWithEntra(t), nil, size[0], size[1])
			m = pasted(t, m, jobLog(t, entraSubjectError("repo:octo-org/octo-repo:ref:refs/heads/main")))
			if v := m.View(); !strings.Contains(v, "JWS, 3 segments") || !strings.Contains(v, "AADSTS700213 · Entra") {
				t.Errorf("the paste screen names the token and the error:\n%s", v)
			}
			m = keys(t, m, "enter")
			if m.report == nil || m.report.Token == nil || len(m.report.ProviderErrors) != 1 {
				t.Fatal("the log's token and error were not both found")
			}
			if m.pane != paneErrors {
				t.Errorf("the report opens on %s, not the error", paneNames[m.pane])
			}
			view := m.View()
			assertSafe(t, view, size[0], size[1])
			if status := strings.SplitN(view, "\n", 2)[0]; !strings.Contains(status, "✗ AADSTS700213") {
				t.Errorf("the status line does not lead with the error: %q", status)
			}
			text := ansi.Strip(m.paneContent(m.vp.Width))
			if !strings.Contains(text, "The policies behind it") || !strings.Contains(text, "octo-repo-env-prod") {
				t.Errorf("the policies behind the error are missing:\n%s", text)
			}
			golden.RequireEqual(t, screenText(m))

			// Tab goes round to the Claims; shift+tab comes back.
			if n := keys(t, m, "tab"); n.pane != paneClaims {
				t.Errorf("tab from the errors went to %s", paneNames[n.pane])
			}
			if p := keys(t, m, "tab", "shift+tab"); p.pane != paneErrors {
				t.Errorf("shift+tab from the claims went to %s", paneNames[p.pane])
			}
			// The credential for the environment, denied, names the error.
			m = keys(t, m, "4")
			for i, p := range m.policies() {
				if p.Name == "octo-repo-env-prod" {
					m.policySel = i
				}
			}
			m = keys(t, m, "enter")
			detail := ansi.Strip(m.paneContent(m.vp.Width))
			if !strings.Contains(detail, "Behind the error in the paste") || !strings.Contains(detail, "line 3:") {
				t.Errorf("the policy detail does not name the error:\n%s", detail)
			}
		})
	}
}

// TestNoErrorsTabWithoutErrors: a token alone has no errors tab, and tab
// never stops on the errors pane.
func TestNoErrorsTabWithoutErrors(t *testing.T) {
	m := plainDemo(t, 100, 30)
	if strings.Contains(m.View(), "Errors") {
		t.Error("an errors tab without an error")
	}
	for range paneCount + 1 {
		if m = keys(t, m, "tab"); m.pane == paneErrors {
			t.Fatal("tab stopped on the errors pane with no error")
		}
	}
}

// TestPastedLogWithCarriageReturns: terminals send a paste's line breaks
// as carriage returns (tmux's paste-buffer, xterm): the log's lines stay
// lines, so the error is found on its own line, quoted without the token
// printed two lines above it.
func TestPastedLogWithCarriageReturns(t *testing.T) {
	m, _ := newTestModel(t, demoWithEntra(t), nil, 100, 30)
	log := strings.ReplaceAll(jobLog(t, entraSubjectError("repo:octo-org/octo-repo:ref:refs/heads/main")), "\n", "\r")
	m = keys(t, pasted(t, m, log), "enter")
	if m.report == nil || m.report.Token == nil || len(m.report.ProviderErrors) != 1 {
		t.Fatal("the log's token and error were not both found")
	}
	if got := m.report.ProviderErrors[0].Match.Line; got != 3 {
		t.Errorf("the error is on line %d, want 3", got)
	}
	if q := m.report.ProviderErrors[0].Match.Text; strings.Contains(q, "eyJ") {
		t.Errorf("the quoted error holds the token: %q", q)
	}
}
