package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/report/view"
	"github.com/oidcscope/oidcscope/tokendiff"
)

// comparePane is the what-if's side-by-side (=): the real token against
// the edited claims, as tokendiff compares them: the verdicts that
// flipped with the conditions that flip them, then the claims that
// differ. It has no tab; esc returns to the claims.
type comparePane struct{ textPane }

func (comparePane) KeyMap(k KeyMap) []key.Binding {
	return []key.Binding{described(k.Back, "back to the claims"), k.Undo}
}

func (comparePane) Content(m Model, b *strings.Builder) {
	tokenContent(m, b, Model.compareView)
}

func (m Model) compareView(b *strings.Builder) {
	st := m.st
	real := m.realReport()
	n := len(m.whatIf.edits)
	b.WriteString(st.Title.Render("Real vs edited") + st.Dim.Render(fmt.Sprintf("  (%d %s · u undo · esc back)", n, plural(n, "edit", "edits"))) + "\n")
	if !m.editing() {
		b.WriteString(st.Dim.Render("the claims are the token's own again: nothing differs") + "\n")
		return
	}
	d := tokendiff.Of(real, m.report)
	flips := d.Flips()
	b.WriteString("\n" + st.Title.Render("Verdicts") + st.Dim.Render(fmt.Sprintf(" (%d flipped of %d)", len(flips), len(d.Verdicts))) + "\n")
	switch {
	case len(d.Verdicts) == 0:
		b.WriteString("  " + st.Dim.Render("no policy loaded: p loads one") + "\n")
	case len(flips) == 0:
		b.WriteString("  " + st.Dim.Render("none flipped") + "\n")
	}
	for _, v := range flips {
		name := v.Name
		if name == "" {
			name = v.Source
		}
		fmt.Fprintf(b, "  %s → %s  %s %s\n", st.Render(view.VerdictMark(v.A)), st.Render(view.VerdictMark(v.B)), escape.Text(v.Provider), escape.Text(name))
		for _, c := range v.Conditions {
			fmt.Fprintf(b, "      %s → %s  %s\n", st.Render(view.OutcomeMark(c.A)), st.Render(view.OutcomeMark(c.B)), escape.Text(c.Expression))
		}
	}
	b.WriteString("\n" + st.Title.Render("Claims that differ") + st.Dim.Render(fmt.Sprintf(" (%d)", len(d.Claims))) + "\n")
	m.claimsSideBySide(b, d.Claims)
	if len(d.Claims) == 0 {
		b.WriteString("  " + st.Dim.Render("none") + "\n")
	}
	if len(d.Checks) > 0 {
		b.WriteString("\n" + st.Title.Render("Checks that differ") + "\n")
		for _, c := range d.Checks {
			fmt.Fprintf(b, "  %s %s → %s  %s\n", escape.Text(c.Name), st.Render(view.CheckMark(c.A)), st.Render(view.CheckMark(c.B)), escape.Text(c.BDetail))
		}
	}
}

// claimsSideBySide lays the claims that differ out in three columns,
// name, real and edited, where they fit the pane; else each claim over
// its two values.
func (m Model) claimsSideBySide(b *strings.Builder, claims []tokendiff.ClaimDiff) {
	st := m.st
	nameW, realW, editW := len("claim"), len("real"), len("edited")
	for _, c := range claims {
		nameW = max(nameW, ansi.StringWidth(escape.Text(c.Name)))
		realW = max(realW, ansi.StringWidth(compareValue(m, c.A)))
		editW = max(editW, ansi.StringWidth(compareValue(m, c.B)))
	}
	pad := func(s string, w int) string { return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) }
	if 2+nameW+2+realW+3+editW <= m.vp.Width {
		b.WriteString(st.Dim.Render("  "+pad("claim", nameW)+"  "+pad("real", realW)+"   edited") + "\n")
		for _, c := range claims {
			b.WriteString("  " + st.Label.Render(pad(escape.Text(c.Name), nameW)) + "  " + pad(compareValue(m, c.A), realW) + " → " + compareValue(m, c.B) + "\n")
		}
		return
	}
	for _, c := range claims {
		b.WriteString("  " + st.Label.Render(escape.Text(c.Name)) + "\n")
		b.WriteString("    " + st.Dim.Render("real   ") + compareValue(m, c.A) + "\n")
		b.WriteString("    " + st.Dim.Render("edited ") + compareValue(m, c.B) + "\n")
	}
}

// compareValue is a claim's JSON text, escaped, or "(absent)".
func compareValue(m Model, v string) string {
	if v == "" {
		return m.st.Dim.Render("(absent)")
	}
	return escape.Text(v)
}

func (comparePane) Tab(Model) string { return "" }
