package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
)

func TestPasteScreen(t *testing.T) {
	s := inspect.NewSession(demoOptions(t))
	m, _ := newTestModel(t, s, nil, 80, 24)
	if m.screen != screenPaste {
		t.Fatal("no token: the paste screen")
	}
	contains(t, m.View(), "waiting for a token")
	// A bracketed paste with a Bearer prefix and a line break inside.
	tok := string(staticToken(t, "push-main"))
	pasted := "Authorization: Bearer " + tok[:40] + "\n" + tok[40:]
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(pasted), Paste: true})
	v := m.View()
	contains(t, v, "JWS, 3 segments")
	contains(t, v, "issuer token.actions.githubusercontent.com")
	contains(t, v, "removed: authorization-header, bearer-prefix, line-breaks")
	m = keys(t, m, "enter")
	if m.screen != screenInspector || m.report == nil || m.report.Token == nil {
		t.Fatal("enter does not inspect the paste")
	}

	// Garbage says what is wrong and enter does nothing useful with it.
	g, _ := newTestModel(t, s, nil, 80, 24)
	g = typeText(t, g, "hello world")
	contains(t, g.View(), "no token found")
	g = keys(t, g, "ctrl+u")
	contains(t, g.View(), "waiting for a token")
	g = typeText(t, g, "ab")
	g = keys(t, g, "backspace")
	if string(g.paste.buf) != "a" {
		t.Errorf("backspace left %q", g.paste.buf)
	}
	// q is text on the paste screen, not quit.
	g = typeText(t, g, "q")
	if string(g.paste.buf) != "aq" {
		t.Errorf("q was not typed: %q", g.paste.buf)
	}
	_, cmd := g.Update(teakey.Msg("esc"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Error("esc without a token quits")
	}

	// The demo offer.
	d, _ := newTestModel(t, s, nil, 80, 24)
	contains(t, d.View(), "ctrl+d demo token")
	d = keys(t, d, "ctrl+d")
	if d.report == nil || d.report.Token == nil {
		t.Fatal("ctrl+d does not open the demo token")
	}
}

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

func TestPasteLargeIsQuick(t *testing.T) {
	s := inspect.NewSession(demoOptions(t))
	m, _ := newTestModel(t, s, nil, 80, 24)
	big := strings.Repeat("A", 1<<20)
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(big), Paste: true})
	v := m.View()
	contains(t, v, "no token found")
	if lines := strings.Count(v, "\n") + 1; lines > 24 {
		t.Errorf("the view has %d lines for a 24-line terminal", lines)
	}
}

func TestOpenFileFromPasteScreen(t *testing.T) {
	s := inspect.NewSession(demoOptions(t))
	m, _ := newTestModel(t, s, nil, 80, 24)
	m.cfg.ReadFile = func(p string) ([]byte, error) {
		if p == "token.jwt" {
			return staticToken(t, "push-main"), nil
		}
		return nil, errNotFound(p)
	}
	m = keys(t, m, "ctrl+o")
	m = typeText(t, m, "token.jwt")
	m = keys(t, m, "enter")
	contains(t, m.View(), "JWS, 3 segments")
	m = keys(t, m, "ctrl+o")
	m = typeText(t, m, "missing.jwt")
	m = keys(t, m, "enter")
	contains(t, m.View(), "missing.jwt: not found")
}

type errNotFound string

func (e errNotFound) Error() string { return string(e) + ": not found" }

func TestInspectorWithoutToken(t *testing.T) {
	s := inspect.NewSession(demoOptions(t))
	m, _ := newTestModel(t, s, []byte("hello world"), 80, 24)
	v := m.View()
	contains(t, v, "✗ no token")
	contains(t, v, "no token found")
	contains(t, v, "n pastes another token")
	if keys(t, m, "n").screen != screenPaste {
		t.Error("n does not open the paste screen")
	}
}

// BenchmarkPasteView1MiB: drawing the paste screen with 1 MiB pasted, on
// the UI goroutine, every frame.
func BenchmarkPasteView1MiB(b *testing.B) {
	m := New(Config{Renderer: asciiRenderer(), Now: fixedNow})
	m.width, m.height = 140, 40
	m.paste.buf = []byte(strings.Repeat("eyJhbGciOiJSUzI1NiJ9", 1<<20/20))
	for b.Loop() {
		_ = m.View()
	}
}
