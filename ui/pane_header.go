package ui

import (
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/report/view"
)

// headerPane is the JOSE header, the warnings and notes of the
// inspection, and its problems.
type headerPane struct{ textPane }

func (headerPane) Content(m Model, b *strings.Builder) { tokenContent(m, b, Model.headerView) }

func (m Model) headerView(b *strings.Builder) {
	st := m.st
	tok := m.report.Token
	h := view.HeadlineOf(m.report)
	b.WriteString(st.Title.Render("Header") + st.Dim.Render(" ("+string(tok.Kind)+")") + "\n")
	if p := m.report.Profile; p.Name != "" {
		name := p.Name
		if p.Variant != "" {
			name += " (" + p.Variant + ")"
		}
		b.WriteString(st.Dim.Render("issuer profile: "+name) + "\n")
	}
	if m.report.Unsigned != "" {
		b.WriteString(st.Warn.Render(m.report.Unsigned.Marker()) + st.Dim.Render(": the claims were changed here (e, what-if); no header, no signature, nothing issued them · = compares with the real token · u undoes") + "\n")
	} else if tok.Header.Kind == decode.Object {
		for _, mem := range view.Members(tok.Header.Members) {
			b.WriteString(st.Label.Render(mem.Key) + "  " + mem.Value + "\n")
		}
	} else {
		b.WriteString(st.Warn.Render("the header could not be read as a JSON object") + "\n")
	}
	m.warningsView(b)
	// The paste's own notes are the paste screen's; here, the token's and
	// the inspection's.
	for _, n := range h.Notes()[len(tok.Input.Notes):] {
		b.WriteString(st.Dim.Render("note: "+n) + "\n")
	}
	if len(h.Stripped) > 0 {
		b.WriteString(st.Dim.Render("removed from the paste: "+strings.Join(h.Stripped, ", ")) + "\n")
	}
	m.errorsView(b)
}

func (headerPane) Tab(Model) string { return "Header" }
