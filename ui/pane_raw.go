package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/report/view"
)

// rawPane is the header and payload as JSON and the token's segments.
type rawPane struct{ textPane }

func (rawPane) KeyMap(k KeyMap) []key.Binding {
	return []key.Binding{described(k.Copy, "copy the whole token")}
}

// Update: y copies the whole token, after asking, since it is a
// credential.
func (rawPane) Update(m Model, msg tea.KeyMsg) (Model, tea.Cmd, bool) {
	if !matches(msg, m.keys.Copy) {
		return m, nil, false
	}
	switch {
	case m.report != nil && m.report.Unsigned != "":
		m.setFlash("nothing to copy: edited claims are no token (u undoes the edits)", false)
	case m.report != nil && m.report.Token != nil:
		m.prompt = promptCopyToken
	}
	return m, nil, true
}

func (rawPane) Content(m Model, b *strings.Builder) { tokenContent(m, b, Model.rawView) }

func (m Model) rawView(b *strings.Builder) {
	st := m.st
	tok := m.report.Token
	b.WriteString(st.Title.Render("Header") + "\n" + view.PrettyJSON(tok.Header) + "\n\n")
	b.WriteString(st.Title.Render("Payload") + "\n" + view.PrettyJSON(tok.Payload) + "\n\n")
	b.WriteString(st.Title.Render("Segments") + st.Dim.Render("  (y copies the whole token, after asking)") + "\n")
	for _, s := range tok.Segments {
		b.WriteString(st.Label.Render(s.Name) + st.Dim.Render(fmt.Sprintf("  %d chars, %d bytes", len(s.Text), len(s.Bytes))) + "\n")
		// A segment is base64url: no column is a better break than another
		// (ansi.Wrap's break at '-' only made the lines ragged), and y
		// copies the token whole, so it fills the pane's width exactly.
		b.WriteString(ansi.Hardwrap(view.Raw([]byte(s.Text)), max(m.vp.Width, 1), false) + "\n")
	}
}

func (rawPane) Tab(Model) string { return "Raw" }
