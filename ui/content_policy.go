package ui

import (
	"strings"

	"github.com/oidcscope/oidcscope/report/view"
)

// policyDetail is one policy opened: every condition with what the token
// holds, the diagnoses of those that failed, what the token satisfies
// instead, and the lint findings.
func (m Model) policyDetail(b *strings.Builder, p view.Policy) {
	st := m.st
	b.WriteString(st.Bold.Render(p.Name) + "  " + m.verdictBadge(p.Mark) + st.Dim.Render("  "+p.Provider+" · "+p.Source+" · esc back") + "\n")
	if p.Summary != "" {
		b.WriteString(p.Summary + "\n")
	}
	if p.Error != "" {
		b.WriteString(st.Fail.Render("error: ") + p.Error + "\n")
	}
	b.WriteString("\n")
	for _, c := range p.Conditions {
		b.WriteString(m.outcomeMark(c.Mark) + "  " + c.Expression + "\n")
		if len(c.Claims) > 0 {
			actual := c.Actual
			if c.Absent {
				actual = st.Dim.Render("(absent)")
			}
			b.WriteString("    " + st.Dim.Render("token "+strings.Join(c.Claims, ", ")+": ") + actual + "\n")
		}
		if c.Failed {
			for _, d := range c.Diagnosis {
				b.WriteString("    " + d + "\n")
			}
		}
	}
	if len(p.Instead) > 0 {
		b.WriteString("\n" + st.Title.Render(view.InsteadTitle(p.ProviderName)) + "\n")
		for _, sn := range p.Instead {
			b.WriteString("  " + st.Label.Render(sn.Claim) + "\n")
			m.snippet(b, sn)
		}
	}
	if len(p.Lint) > 0 {
		m.section(b, "Lint")
		for _, f := range p.Lint {
			b.WriteString(st.Style(f.Mark.Tone).Render(f.Mark.Word) + " " + st.Dim.Render(f.Rule+": ") + f.Message + "\n")
		}
	}
}
