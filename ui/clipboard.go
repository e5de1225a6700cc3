package ui

import (
	"fmt"
	"strings"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
)

// copyText puts s on the clipboard with OSC 52, wrapped for tmux or screen
// when the program runs inside one, so it works over SSH too. escaped
// says s is the escaped form of what was asked for (see cliptext.go), and
// the status line says so: the copy is not the raw value.
func (m *Model) copyText(what, s string, escaped bool) {
	seq := osc52.New(s)
	switch {
	case m.cfg.Getenv("TMUX") != "":
		seq = seq.Tmux()
	case strings.HasPrefix(m.cfg.Getenv("TERM"), "screen"):
		seq = seq.Screen()
	}
	if _, err := seq.WriteTo(m.cfg.Clipboard); err != nil {
		m.setFlash("copy failed: "+err.Error(), true)
		return
	}
	msg := fmt.Sprintf("copied %s (%d bytes) to the clipboard", what, len(s))
	if escaped {
		msg += " (escaped: it held control or invisible characters)"
	}
	m.setFlash(msg, false)
}

// copySelected copies the selected claim's value (the Raw and Policies
// panes take y for what they show).
func (m Model) copySelected() (tea.Model, tea.Cmd) {
	c := m.selectedClaim()
	if c == nil {
		return m, nil
	}
	// A string is copied as its text, anything else as its JSON.
	if c.Value.Kind == decode.String {
		s, escaped := clipValue(c.Value.Text)
		m.copyText(escape.Text(c.Name), s, escaped)
		return m, nil
	}
	js, err := c.Value.MarshalJSON()
	if err != nil {
		m.setFlash("copy failed: "+err.Error(), true)
		return m, nil
	}
	s, escaped := clipJSON(js)
	m.copyText(escape.Text(c.Name), s, escaped)
	return m, nil
}

// copyToken copies the token being inspected (never the rest of what was
// pasted around it).
func (m *Model) copyToken() {
	if m.report == nil || m.report.Token == nil {
		m.setFlash("no token to copy", true)
		return
	}
	s, escaped := clipToken(m.report.Token.Input.Text)
	m.copyText("the whole token", s, escaped)
}

// copyCondition copies the selected ready-to-paste condition.
func (m Model) copyCondition() (tea.Model, tea.Cmd) {
	c := m.selectedClaim()
	if c == nil || len(c.WouldSatisfy) == 0 {
		m.setFlash("no ready-to-paste condition for this claim", true)
		return m, nil
	}
	sn := c.WouldSatisfy[clamp(m.condSel, 0, len(c.WouldSatisfy)-1)]
	// A condition is built from any of the token's claims (a Google Cloud
	// member's pool comes from aud), so the whole payload decides.
	hostile := func() bool { return m.report.Token != nil && !plainValue(m.report.Token.Payload) }
	s, escaped := clipDocument(sn.Text, hostile)
	m.copyText("a "+sn.Provider+" condition", s, escaped)
	return m, nil
}
