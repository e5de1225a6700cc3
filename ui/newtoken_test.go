package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestNewTokenStartsEmpty: n opens an empty paste box, so a second paste
// is the next token, not appended to the last one (issue 16, item 8).
func TestNewTokenStartsEmpty(t *testing.T) {
	s := inspect.NewSession(demoOptions(t))
	m, _ := newTestModel(t, s, nil, 80, 24)
	paste := func(m Model, tok []byte) Model {
		return send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(string(tok)), Paste: true})
	}
	m = paste(m, staticToken(t, "push-main"))
	m = keys(t, m, "enter", "n")
	if m.screen != screenPaste {
		t.Fatal("n does not open the paste screen")
	}
	if len(m.paste.buf) != 0 {
		t.Errorf("n kept %d bytes of the last paste", len(m.paste.buf))
	}
	contains(t, m.View(), "waiting for a token")
	m = paste(m, staticToken(t, "environment-prod"))
	contains(t, m.View(), "JWS, 3 segments")
	m = keys(t, m, "enter")
	if _, ok := m.report.Token.Payload.Get("environment"); !ok || len(m.report.Errors) > 0 {
		t.Errorf("the second paste was not inspected alone: errors %v", m.report.Errors)
	}
	// esc from the fresh paste screen still goes back to the report.
	m = keys(t, m, "n", "esc")
	if m.screen != screenInspector || m.report == nil {
		t.Error("esc after n does not go back to the report")
	}
}
