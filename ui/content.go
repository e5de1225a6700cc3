package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/oidcscope/oidcscope/report/view"
)

// paneContent is the text of the scrolling pane, wrapped to w columns.
// What it shows comes from report/view's blocks, escaped there.
func (m Model) paneContent(w int) string {
	if m.report == nil {
		return ""
	}
	var b strings.Builder
	if m.showHelp {
		m.helpView(&b)
		return wrapIndented(strings.TrimRight(b.String(), "\n"), w)
	}
	m.shownPane().component().Content(m, &b)
	return wrapIndented(strings.TrimRight(b.String(), "\n"), w)
}

// wrapIndented lays s out for w columns with report/view's Fit: lines
// wrap only at spaces and continue at their indent, so a wrapped diagnosis
// stays under its condition; a value (an ARN, a link, a condition) is never
// broken (wider than the pane, it is cut at the pane's edge with a … mark,
// and ←/→ scroll to the rest: paneView), and a first difference shows both
// values around it, the caret under the differing character.
func wrapIndented(s string, w int) string {
	return strings.Join(view.Fit(strings.Split(s, "\n"), w), "\n")
}

// helpView is the full help as a list in the scrolling pane, so it fits
// any width and scrolls on a short terminal: the focused pane's keys
// first, then those every pane shares.
func (m Model) helpView(b *strings.Builder) {
	h := m.helpKeys()
	title := "Keys"
	if len(h.pane) > 0 {
		b.WriteString(m.st.Title.Render(paneNames[m.pane]+" pane") + "\n")
		m.helpGroup(b, h.pane)
		title = "Every pane"
	}
	b.WriteString(m.st.Title.Render(title) + "\n")
	for _, group := range h.shared() {
		m.helpGroup(b, group)
	}
	if len(h.whatIf) > 0 {
		b.WriteString(m.st.Title.Render("What-if (edited claims, unsigned)") + "\n")
		m.helpGroup(b, h.whatIf)
	}
	b.WriteString(m.st.Dim.Render("On the paste screen: enter inspects, ctrl+d opens the demo token, ctrl+o a file, ctrl+u clears, esc goes back.") + "\n")
}

func (m Model) helpGroup(b *strings.Builder, keys []key.Binding) {
	for _, k := range keys {
		h := k.Help()
		b.WriteString(m.st.Label.Render(fmt.Sprintf("%-10s", h.Key)) + " " + h.Desc + "\n")
	}
	b.WriteString("\n")
}

func (m Model) section(b *strings.Builder, title string) {
	b.WriteString("\n" + m.st.Title.Render(title) + "\n")
}

func (m Model) field(b *strings.Builder, label, value string) {
	if value == "" {
		return
	}
	b.WriteString(m.st.Label.Render(label) + "  " + value + "\n")
}

// snippet is a ready-to-paste condition, indented, with its note.
func (m Model) snippet(b *strings.Builder, sn view.Snippet) {
	for _, l := range strings.Split(sn.Text, "\n") {
		b.WriteString("    " + l + "\n")
	}
	if sn.Note != "" {
		b.WriteString("    " + m.st.Dim.Render(sn.Note) + "\n")
	}
}

// outcomeMark pads the outcome so the conditions line up.
func (m Model) outcomeMark(mk view.Mark) string {
	return m.st.Style(mk.Tone).Render(mk.Padded(view.OutcomeWidth))
}

// warningsView is the report's warnings, which the Header and Signature
// panes both show.
func (m Model) warningsView(b *strings.Builder) {
	for _, w := range view.Warnings(m.report) {
		b.WriteString(m.st.Warn.Render("! ") + w + "\n")
	}
}

func (m Model) errorsView(b *strings.Builder) {
	ps := view.Problems(m.report)
	if len(ps) == 0 {
		return
	}
	m.section(b, "Problems")
	for _, p := range ps {
		b.WriteString(m.st.Fail.Render("✗ "+p.Stage+": ") + p.Message + "\n")
	}
}
