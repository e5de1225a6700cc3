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
// when the program runs inside one, so it works over SSH too.
func (m *Model) copyText(what, s string) {
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
	m.setFlash(fmt.Sprintf("copied %s (%d bytes) to the clipboard", what, len(s)), false)
}

// copySelected copies the selected claim's value; in the Raw view, the
// whole token after asking, since it is a credential.
func (m Model) copySelected() (tea.Model, tea.Cmd) {
	if m.pane == paneRaw {
		if m.input != nil {
			m.prompt = promptCopyToken
		}
		return m, nil
	}
	if m.pane == panePolicies {
		// The policy's name: a role ARN, a credential or provider name.
		if ps := m.policies(); m.policySel < len(ps) {
			m.copyText("the policy name", ps[m.policySel].Name)
		}
		return m, nil
	}
	c := m.selectedClaim()
	if c == nil {
		return m, nil
	}
	// A string is copied as its text, anything else as its JSON.
	v := c.Value.Text
	if c.Value.Kind != decode.String {
		js, err := c.Value.MarshalJSON()
		if err != nil {
			m.setFlash("copy failed: "+err.Error(), true)
			return m, nil
		}
		v = string(js)
	}
	m.copyText(escape.Text(c.Name), v)
	return m, nil
}

// copyCondition copies the selected ready-to-paste condition.
func (m Model) copyCondition() (tea.Model, tea.Cmd) {
	c := m.selectedClaim()
	if c == nil || len(c.WouldSatisfy) == 0 {
		m.setFlash("no ready-to-paste condition for this claim", true)
		return m, nil
	}
	sn := c.WouldSatisfy[clamp(m.condSel, 0, len(c.WouldSatisfy)-1)]
	m.copyText("a "+sn.Provider+" condition", sn.Text)
	return m, nil
}
