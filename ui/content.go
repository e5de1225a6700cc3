package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/decode"
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
	switch m.pane {
	case paneHeader, paneSignature, paneRaw:
		// Without a token these panes have only the problems to show.
		if m.report.Token == nil {
			m.errorsView(&b)
			break
		}
		m.tokenPane(&b)
	case paneClaims, paneDetail:
		m.claimDetail(&b)
	case panePolicies:
		if ps := m.policies(); m.policyOpen && m.policySel < len(ps) {
			m.policyDetail(&b, view.PolicyOf(m.report, ps[m.policySel]))
		}
	}
	return wrapIndented(strings.TrimRight(b.String(), "\n"), w)
}

// wrapIndented wraps each line to w columns, continuing an indented line
// at its indent, so a wrapped diagnosis stays under its condition.
func wrapIndented(s string, w int) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		n := len(l) - len(strings.TrimLeft(l, " "))
		if n > w/2 {
			n = 0
		}
		indent := strings.Repeat(" ", n)
		wrapped := ansi.Wrap(l[n:], w-n, "")
		for _, part := range strings.Split(wrapped, "\n") {
			out = append(out, indent+part)
		}
	}
	return strings.Join(out, "\n")
}

// helpView is the full help as a list in the scrolling pane, so it fits
// any width and scrolls on a short terminal.
func (m Model) helpView(b *strings.Builder) {
	b.WriteString(m.st.Title.Render("Keys") + "\n")
	for _, group := range m.keys.FullHelp() {
		for _, k := range group {
			h := k.Help()
			b.WriteString(m.st.Label.Render(fmt.Sprintf("%-10s", h.Key)) + " " + h.Desc + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(m.st.Dim.Render("On the paste screen: enter inspects, ctrl+d opens the demo token, ctrl+o a file, ctrl+u clears, esc goes back.") + "\n")
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

func (m Model) claimDetail(b *strings.Builder) {
	st := m.st
	sel := m.selectedClaim()
	if sel == nil {
		b.WriteString(st.Dim.Render("no claim selected"))
		return
	}
	c := view.ClaimOf(*sel)
	b.WriteString(st.Bold.Render(c.Name))
	if c.Duplicate {
		b.WriteString("  " + st.Fail.Render("✗ duplicate: an earlier claim has this name"))
	}
	b.WriteString("\n" + c.Value + "\n")
	if t := c.Time; t != nil {
		if t.Err != "" {
			b.WriteString(st.Warn.Render(t.Err) + "\n")
		} else {
			b.WriteString(st.Dim.Render(t.UTC.Format(time.RFC3339)+" · "+t.Relative+" (at inspection) · "+m.liveRelative(t.UTC)) + "\n")
		}
	}
	for _, n := range c.Notes {
		b.WriteString(st.Render(n.Mark) + " " + n.Detail + "\n")
	}
	// The meaning first, then how the loaded policies took the claim: the
	// two things a reader comes for; the rest of the catalog entry after.
	if e := c.Entry; e != nil {
		b.WriteString("\n" + e.Summary + "\n")
	}
	m.claimConditions(b, c)
	if e := c.Entry; e != nil {
		if e.Explanation != "" {
			b.WriteString("\n" + st.Dim.Render(e.Explanation) + "\n")
		}
		b.WriteString("\n")
		fields := view.EntryFields(e)
		width := 0
		for _, f := range fields {
			width = max(width, len(f.Label))
		}
		for _, f := range fields {
			m.field(b, f.Label+strings.Repeat(" ", width-len(f.Label)), f.Value)
		}
	} else {
		b.WriteString("\n" + st.Dim.Render("not in the "+m.report.Profile.Name+" catalog") + "\n")
	}
	if sel.Name == "sub" && m.report.Subject != nil {
		m.subjectView(b, view.SubjectOf(m.report.Subject))
	}
	m.claimLinks(b, view.Links(m.report.Links, sel.Name))
	m.wouldSatisfy(b, c)
}

func (m Model) liveRelative(t time.Time) string {
	return decode.Relative(t, m.now) + " now"
}

func (m Model) subjectView(b *strings.Builder, s *view.Subject) {
	m.section(b, "Subject anatomy ("+s.Format+" form)")
	for _, line := range m.st.SubjectLines(s) {
		b.WriteString(line + "\n")
	}
}

func (m Model) claimLinks(b *strings.Builder, ls []view.Link) {
	if len(ls) == 0 {
		return
	}
	m.section(b, "Links")
	for _, l := range ls {
		b.WriteString(m.st.Label.Render(l.Name) + "  " + l.URL + "\n")
		if l.Note != "" {
			b.WriteString(m.st.Dim.Render("  "+l.Note) + "\n")
		}
	}
}

// claimConditions: every loaded policy condition that reads the claim.
func (m Model) claimConditions(b *strings.Builder, c view.Claim) {
	if len(c.Conditions) == 0 {
		return
	}
	m.section(b, fmt.Sprintf("Policy conditions reading %s (%d)", c.Name, len(c.Conditions)))
	for _, cc := range c.Conditions {
		b.WriteString(m.outcomeMark(cc.Mark) + " " + cc.Provider + "  " + m.st.Bold.Render(cc.Policy) + "\n")
		b.WriteString("    " + cc.Expression + "\n")
		for _, d := range cc.Diagnosis {
			b.WriteString("    " + m.st.Dim.Render(d) + "\n")
		}
	}
}

// wouldSatisfy: ready-to-paste conditions per provider; [ ] choose, Y copies.
func (m Model) wouldSatisfy(b *strings.Builder, c view.Claim) {
	if len(c.WouldSatisfy) == 0 {
		return
	}
	m.section(b, "Conditions this claim satisfies")
	b.WriteString(m.st.Dim.Render("Y copies the ▸ one · [ ] choose") + "\n")
	for i, sn := range c.WouldSatisfy {
		mark := "  "
		if i == m.condSel {
			mark = m.st.Cursor.Render("▸ ")
		}
		b.WriteString(mark + m.st.Label.Render(sn.ProviderName) + "\n")
		m.snippet(b, sn)
	}
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
