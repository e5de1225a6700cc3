package report

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// textPolicies shows every policy's verdict, allowed first, then the
// conditions of those that did not allow, with the diagnosis of each
// failure, what the token satisfies instead, and the lint findings.
func textPolicies(b *strings.Builder, r *inspect.Report, st view.Palette) {
	if len(r.Policies) == 0 {
		return
	}
	ps := view.Policies(r)
	t := view.TallyOf(r.Policies)
	fmt.Fprintf(b, "\n%s%s\n", st.Title.Render("Policies"),
		st.Dim.Render(fmt.Sprintf(" (%d: %d allow, %d deny, %d error)", t.Total, t.Allow, t.Deny, t.Error)))
	var provs []string
	for _, p := range ps {
		provs = append(provs, p.Provider)
	}
	provW := view.ProviderColumn(provs)
	for _, p := range ps {
		line := "  " + verdictBadge(p.Mark, st) + "  " + fmt.Sprintf("%-*s", provW, p.Provider) + " " + p.Name
		if p.SourceDiffers {
			line += st.Dim.Render("  " + p.Source)
		}
		b.WriteString(line + "\n")
	}
	details, more := view.Details(ps, true)
	for _, p := range details {
		textPolicyDetail(b, p, st)
	}
	if more > 0 {
		b.WriteString(st.Dim.Render(fmt.Sprintf("\n  … details of %d more policies in --json", more)) + "\n")
	}
}

func textPolicyDetail(b *strings.Builder, p view.Policy, st view.Palette) {
	b.WriteString("\n" + st.Title.Render(p.Name) + "  " + verdictBadge(p.Mark, st) + st.Dim.Render("  "+p.Provider+" · "+p.Source) + "\n")
	if p.Summary != "" {
		b.WriteString("  " + p.Summary + "\n")
	}
	if p.Error != "" {
		b.WriteString("  " + st.Fail.Render("error: ") + p.Error + "\n")
	}
	view.WriteConditionGroups(b, st, p.Groups(), view.ConditionLayout{Indent: "  ", Mark: func(mk view.Mark) string {
		return st.Style(mk.Tone).Render(mk.Symbol) + " "
	}})
	if p.ProviderAnswer != "" {
		b.WriteString("  " + st.Dim.Render(p.ProviderAnswer) + "\n")
	}
	textInstead(b, p, st)
	for _, f := range p.Lint {
		b.WriteString("  " + st.Style(f.Mark.Tone).Render("lint "+f.Mark.Word) + " " + st.Dim.Render(f.Rule+": ") + f.Message + "\n")
	}
}

// textInstead lists the conditions the token satisfies in place of the
// failing ones, ready to paste.
func textInstead(b *strings.Builder, p view.Policy, st view.Palette) {
	if len(p.Instead) == 0 {
		return
	}
	b.WriteString("  " + st.Dim.Render(view.InsteadTitle(p.ProviderName)) + "\n")
	b.WriteString("  " + st.Dim.Render(view.InsteadCaution) + "\n")
	for _, sn := range p.Instead {
		// A fix to the document as a whole names no claim: its note heads it.
		line := "    " + sn.Note
		if sn.Claim != "" {
			line = "    " + st.Label.Render(sn.Claim)
			if sn.Note != "" {
				line += st.Dim.Render(": ") + sn.Note
			}
		}
		b.WriteString(line + "\n")
		for _, l := range strings.Split(sn.Text, "\n") {
			b.WriteString("      " + l + "\n")
		}
	}
}

// verdictBadge pads the verdict so the policies' names line up.
func verdictBadge(m view.Mark, st view.Palette) string {
	return st.Style(m.Tone).Render(m.Padded(view.VerdictWidth))
}
