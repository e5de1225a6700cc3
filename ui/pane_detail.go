package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/report/view"
)

// detailPane is the selected claim in full: value, times, notes, catalog
// entry, the loaded conditions reading it, anatomy, links and the
// conditions it satisfies.
type detailPane struct{}

func (detailPane) KeyMap(k KeyMap) []key.Binding {
	return append([]key.Binding{described(k.Back, "back to the claims")}, claimKeys(k)...)
}

func (detailPane) Update(m Model, msg tea.KeyMsg) (Model, tea.Cmd, bool) {
	if matches(msg, m.keys.Back) {
		m.pane = paneClaims
		return m, nil, true
	}
	return editKey(m, msg)
}

func (detailPane) View(m Model, w, h int) string {
	if m.wide() {
		return claimsBeside(m, w, h)
	}
	return m.paneView()
}

func (detailPane) Content(m Model, b *strings.Builder) { m.claimDetail(b) }

func (detailPane) TextSize(m Model, w, h int) (int, int) { return claimsSize(m, w, h) }

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
// While the sample policies load, the section says so, above those
// read so far (the command line's).
func (m Model) claimConditions(b *strings.Builder, c view.Claim) {
	switch {
	case m.samples.loading():
		m.section(b, "Policy conditions reading "+c.Name)
		b.WriteString(m.st.Dim.Render(samplesLoading) + "\n")
	case len(c.Conditions) > 0:
		m.section(b, fmt.Sprintf("Policy conditions reading %s (%d)", c.Name, len(c.Conditions)))
	}
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

func (detailPane) Tab(Model) string { return "" }

// scrollToCondition scrolls the claim detail, when the chosen ▸
// condition is out of view, so that it shows with the line above it: [
// and ] choose a condition the reader should see.
func (m *Model) scrollToCondition() {
	policy := m.pane == panePolicies && m.policyOpen && !m.reachOpen
	if m.showHelp || (m.pane != paneDetail && !(m.pane == paneClaims && m.wide()) && !policy) {
		return
	}
	lines := strings.Split(m.paneContent(m.vp.Width), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(ansi.Strip(l), "▸ ") {
			continue
		}
		if i < m.vp.YOffset || i >= m.vp.YOffset+m.vp.Height {
			m.vp.SetYOffset(max(i-1, 0))
		}
		return
	}
}
