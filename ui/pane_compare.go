package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
	"github.com/oidcscope/oidcscope/tokendiff"
)

// comparePane is the side-by-side (=): the real token against the
// edited claims (the what-if), or, with nothing edited, the token
// inspected before (n) against this one ("works on main, fails on the
// PR"), as tokendiff compares them: the verdicts that flipped with the
// conditions that flip them, then the claims that differ. It has no tab;
// esc returns to the claims.
type comparePane struct{ textPane }

func (comparePane) KeyMap(k KeyMap) []key.Binding {
	return []key.Binding{described(k.Back, "back to the claims"), k.Undo}
}

// comparison is what the pane compares: report A on the left, B on the
// right, and their column names.
type comparison struct {
	a, b           *inspect.Report
	nameA, nameB   string
	previousTokens bool // the previous token against this one, not an edit
}

// canCompare says whether = has two sides to show: edits, or a token
// inspected before this one.
func (m Model) canCompare() bool {
	return m.whatIf.real != nil || m.previous != nil && m.report != nil
}

// comparison is the edits against the token while there are any (or no
// token came before), else the previous token against this one.
func (m Model) comparison() comparison {
	if m.whatIf.real != nil || m.previous == nil {
		return comparison{a: m.realReport(), b: m.report, nameA: "real", nameB: "edited"}
	}
	return comparison{a: m.previous, b: m.report, nameA: "previous", nameB: "this token", previousTokens: true}
}

func (comparePane) Content(m Model, b *strings.Builder) {
	tokenContent(m, b, Model.compareView)
}

func (m Model) compareView(b *strings.Builder) {
	st := m.st
	cmp := m.comparison()
	if cmp.previousTokens {
		b.WriteString(st.Title.Render("Previous vs this token") + st.Dim.Render("  (esc back)") + "\n")
	} else {
		n := m.whatIf.count()
		b.WriteString(st.Title.Render("Real vs edited") + st.Dim.Render(fmt.Sprintf("  (%d %s · u undo · esc back)", n, plural(n, "edit", "edits"))) + "\n")
		if !m.editing() {
			b.WriteString(st.Dim.Render("the claims are the token's own again: nothing differs") + "\n")
			return
		}
	}
	if cmp.a == nil || cmp.b == nil {
		return
	}
	d := tokendiff.Of(cmp.a, cmp.b)
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
		view.WriteFlippedConditions(b, st.Palette, v.Conditions)
	}
	b.WriteString("\n" + st.Title.Render("Claims that differ") + st.Dim.Render(fmt.Sprintf(" (%d)", len(d.Claims))) + "\n")
	m.claimsSideBySide(b, d.Claims, cmp.nameA, cmp.nameB)
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
// name, A's value and B's (real and edited, or previous and this token),
// where they fit the pane; else each claim over its two values.
func (m Model) claimsSideBySide(b *strings.Builder, claims []tokendiff.ClaimDiff, nameA, nameB string) {
	st := m.st
	nameW, realW, editW := len("claim"), ansi.StringWidth(nameA), ansi.StringWidth(nameB)
	for _, c := range claims {
		nameW = max(nameW, ansi.StringWidth(escape.Text(c.Name)))
		realW = max(realW, ansi.StringWidth(compareValue(m, c.A)))
		editW = max(editW, ansi.StringWidth(compareValue(m, c.B)))
	}
	pad := func(s string, w int) string { return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) }
	if 2+nameW+2+realW+3+editW <= m.vp.Width {
		b.WriteString(st.Dim.Render("  "+pad("claim", nameW)+"  "+pad(nameA, realW)+"   "+nameB) + "\n")
		for _, c := range claims {
			b.WriteString("  " + st.Label.Render(pad(escape.Text(c.Name), nameW)) + "  " + pad(compareValue(m, c.A), realW) + " → " + compareValue(m, c.B) + "\n")
		}
		return
	}
	labelW := max(ansi.StringWidth(nameA), ansi.StringWidth(nameB)) + 1
	for _, c := range claims {
		b.WriteString("  " + st.Label.Render(escape.Text(c.Name)) + "\n")
		b.WriteString("    " + st.Dim.Render(pad(nameA, labelW)) + compareValue(m, c.A) + "\n")
		b.WriteString("    " + st.Dim.Render(pad(nameB, labelW)) + compareValue(m, c.B) + "\n")
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
