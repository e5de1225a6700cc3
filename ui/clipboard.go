package ui

import (
	"fmt"
	"strings"

	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/report/view"
)

// copyText puts s on the clipboard. Inside tmux it goes into tmux's paste
// buffer with tmux load-buffer -w, off the UI goroutine (copiedMsg): that
// works under tmux's default settings, where an OSC 52 wrapped for
// passthrough is dropped (allow-passthrough is off) and a plain one is
// ignored (set-clipboard external), and -w hands it on to the outer
// terminal's clipboard where tmux can. Elsewhere, and when tmux refuses,
// an OSC 52 is sent (wrapped for screen, whose passthrough is always on),
// so it works over SSH too. Whether a terminal took an OSC 52 cannot be
// known, so the status line says it was sent, not copied. escaped says s
// is the escaped form of what was asked for (see cliptext.go), and the
// status line says so: the copy is not the raw value.
func (m *Model) copyText(what, s string, escaped bool) tea.Cmd {
	c := copiedMsg{what: what, text: s, escaped: escaped}
	if m.cfg.Getenv("TMUX") != "" {
		m.setFlash("copying "+what+"…", false)
		load := m.cfg.TmuxBuffer
		return func() tea.Msg {
			c.err = load([]byte(s))
			return c
		}
	}
	m.sendOSC52(c)
	return nil
}

// copiedMsg is what tmux load-buffer made of a copy.
type copiedMsg struct {
	what, text string
	escaped    bool
	err        error // tmux refused: the copy went by OSC 52 instead
}

func (m Model) gotCopied(c copiedMsg) (tea.Model, tea.Cmd) {
	if c.err != nil {
		m.sendOSC52(c)
		return m, nil
	}
	m.setFlash("copied "+c.what+" ("+c.size()+") into tmux's paste buffer"+c.escapedNote(), false)
	return m, nil
}

// sendOSC52 writes c as an OSC 52 sequence: plain, which tmux's
// set-clipboard on takes, or wrapped for screen.
func (m *Model) sendOSC52(c copiedMsg) {
	seq := osc52.New(c.text)
	if m.cfg.Getenv("TMUX") == "" && strings.HasPrefix(m.cfg.Getenv("TERM"), "screen") {
		seq = seq.Screen()
	}
	if _, err := seq.WriteTo(m.cfg.Clipboard); err != nil {
		m.setFlash("copy failed: "+err.Error(), true)
		return
	}
	m.setFlash("sent "+c.what+" ("+c.size()+") to the terminal's clipboard (OSC 52)"+c.escapedNote(), false)
}

// size is how much was copied, as the status line says it.
func (c copiedMsg) size() string {
	return fmt.Sprintf("%d %s", len(c.text), plural(len(c.text), "byte", "bytes"))
}

func (c copiedMsg) escapedNote() string {
	if c.escaped {
		return " (escaped: it held control or invisible characters)"
	}
	return ""
}

// copySelected copies the selected claim's value (the Raw and Policies
// panes take y for what they show). The status line names the claim as
// it is: the footer escapes the flash.
func (m Model) copySelected() (tea.Model, tea.Cmd) {
	c := m.selectedClaim()
	if c == nil {
		return m, nil
	}
	// A string is copied as its text, anything else as its JSON.
	if c.Value.Kind == decode.String {
		s, escaped := clipValue(c.Value.Text)
		return m, m.copyText(c.Name, s, escaped)
	}
	js, err := c.Value.MarshalJSON()
	if err != nil {
		m.setFlash("copy failed: "+err.Error(), true)
		return m, nil
	}
	s, escaped := clipJSON(js)
	return m, m.copyText(c.Name, s, escaped)
}

// copyToken copies the token being inspected (never the rest of what was
// pasted around it).
func (m *Model) copyToken() tea.Cmd {
	if m.report == nil || m.report.Token == nil {
		m.setFlash("no token to copy", true)
		return nil
	}
	s, escaped := clipToken(m.report.Token.Input.Text)
	return m.copyText("the whole token", s, escaped)
}

// copyCondition copies the selected ready-to-paste condition.
func (m Model) copyCondition() (tea.Model, tea.Cmd) {
	c := m.selectedClaim()
	switch {
	case m.noToken():
		m.setFlash("no token: no claim to copy a condition of", true)
		return m, nil
	case c == nil || len(c.WouldSatisfy) == 0:
		m.setFlash("no ready-to-paste condition for this claim", true)
		return m, nil
	}
	return m.copySnippet(c.WouldSatisfy[clamp(m.condSel, 0, len(c.WouldSatisfy)-1)])
}

// copySnippet copies a ready-to-paste condition: the token's own, not its
// escaped form (clipDocument escapes it, and says so).
func (m Model) copySnippet(sn policy.Snippet) (Model, tea.Cmd) {
	return m.copyDocument(sn, func() bool { return false })
}

// copyInstead copies a condition offered in place of the opened policy
// p's failing ones. A fix to the document (an undelete command, a guarded
// mapping entry) is built from the policy file's values as well as the
// token's: a file holding a string that is not escape.Plain (a provider
// named "prov\nid>PWNED") makes it as hostile as such a token.
func (m Model) copyInstead(sn policy.Snippet, p policy.Result) (Model, tea.Cmd) {
	return m.copyDocument(sn, func() bool { return !plainResult(p) })
}

// copyDocument copies sn, hostile when the token is or fromFile says
// the document it was built from is.
func (m Model) copyDocument(sn policy.Snippet, fromFile func() bool) (Model, tea.Cmd) {
	// A condition is built from any of the token's claims (a Google Cloud
	// member's pool comes from aud), so the whole payload decides.
	hostile := func() bool { return m.report.Token != nil && !plainValue(m.report.Token.Payload) || fromFile() }
	s, escaped := clipDocument(sn.Text, hostile)
	// The display name, with "the": "a aws condition" read badly.
	return m, m.copyText("the "+view.ProviderName(sn.Provider)+" condition", s, escaped)
}
