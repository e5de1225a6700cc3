package report

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/report/view"
)

// writeClaimNotes ends a claim's line with its badges, then says what the
// claim means and gives the reasons that need words, indented below it.
func writeClaimNotes(b *strings.Builder, c view.Claim, width int, st view.Palette) {
	for _, m := range c.Badges {
		b.WriteString("  " + st.Render(m))
	}
	b.WriteString("\n")
	indent := strings.Repeat(" ", width+4)
	if c.Entry != nil {
		b.WriteString(indent + st.Dim.Render(c.Entry.Summary) + "\n")
	}
	for _, n := range c.Notes {
		b.WriteString(indent + st.Dim.Render("↳ "+n.Reason+": ") + n.Detail + "\n")
	}
}

// maxNamedPolicies bounds the policies named under one claim: a folder of
// thousands would otherwise bury the claim list.
const maxNamedPolicies = 3

// writeClaimConditions says, under a claim, how the loaded policies'
// conditions that read it came out, naming the policies it failed.
func writeClaimConditions(b *strings.Builder, t view.ConditionTally, width int, st view.Palette) {
	if t.Total == 0 {
		return
	}
	var parts []string
	if t.Pass > 0 {
		parts = append(parts, st.Pass.Render(fmt.Sprintf("✓ %d pass", t.Pass)))
	}
	if t.Fail > 0 {
		parts = append(parts, st.Fail.Render(fmt.Sprintf("✗ %d fail", t.Fail)))
	}
	if t.Errored > 0 {
		parts = append(parts, st.Warn.Render(fmt.Sprintf("! %d error", t.Errored)))
	}
	if t.NotApplied > 0 {
		parts = append(parts, st.Dim.Render(fmt.Sprintf("%d n/a", t.NotApplied)))
	}
	line := strings.Repeat(" ", width+4) + st.Dim.Render(fmt.Sprintf("↳ read by %d policy condition%s: ", t.Total, plural(t.Total))) + strings.Join(parts, ", ")
	failed := t.NotPassedIn
	if len(failed) > maxNamedPolicies {
		failed = append(failed[:maxNamedPolicies:maxNamedPolicies], fmt.Sprintf("%d more", len(failed)-maxNamedPolicies))
	}
	if len(failed) > 0 {
		line += st.Dim.Render(" (not passed in " + strings.Join(failed, ", ") + ")")
	}
	b.WriteString(line + "\n")
}

// textSubject shows the sub part by part, the rule that chose its context,
// contradictions with the other claims, and its other form.
func textSubject(b *strings.Builder, s *view.Subject, st view.Palette) {
	if s == nil {
		return
	}
	b.WriteString("\n" + st.Title.Render("Subject") + st.Dim.Render(" ("+s.Format+" form)") + "\n")
	b.WriteString("  " + s.Raw + "\n")
	for _, line := range st.SubjectLines(s) {
		b.WriteString("  " + line + "\n")
	}
}

func textLinks(b *strings.Builder, links []view.Link, st view.Palette) {
	if len(links) == 0 {
		return
	}
	b.WriteString("\n" + st.Title.Render("Links") + "\n")
	width := 0
	for _, l := range links {
		width = max(width, len(l.Name))
	}
	for _, l := range links {
		b.WriteString("  " + st.Label.Render(l.Name) + strings.Repeat(" ", width-len(l.Name)) + "  " + l.URL)
		if l.Note != "" {
			b.WriteString(st.Dim.Render("  (" + l.Note + ")"))
		}
		b.WriteString("\n")
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
