package report

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// writeClaimNotes ends a claim's line with its badges, then says what the
// claim means and gives the reasons that need words, indented below it.
func writeClaimNotes(b *strings.Builder, info claims.ClaimInfo, width int, st styles) {
	hs := info.Highlights
	for _, h := range hs {
		b.WriteString("  " + highlightBadge(h.Reason, st))
	}
	b.WriteString("\n")
	indent := strings.Repeat(" ", width+4)
	if info.Entry != nil {
		b.WriteString(indent + st.dim.Render(info.Entry.Summary) + "\n")
	}
	for _, h := range hs {
		if h.Reason == claims.ReasonPolicyRelevant {
			continue // the badge says it all
		}
		b.WriteString(indent + st.dim.Render("↳ "+h.Reason+": ") + escape.Text(h.Detail) + "\n")
	}
}

// maxNamedPolicies bounds the policies named under one claim: a folder of
// thousands would otherwise bury the claim list.
const maxNamedPolicies = 3

// writeClaimConditions says, under a claim, how the loaded policies'
// conditions that read it came out, naming the policies it failed.
func writeClaimConditions(b *strings.Builder, cs []inspect.ClaimCondition, width int, st styles) {
	if len(cs) == 0 {
		return
	}
	counts := map[policy.Outcome]int{}
	var failed []string
	seen := map[string]bool{}
	for _, c := range cs {
		counts[c.Result]++
		if c.Result != policy.Pass && !seen[c.Policy] {
			seen[c.Policy] = true
			failed = append(failed, escape.Text(c.Policy))
		}
	}
	var parts []string
	if n := counts[policy.Pass]; n > 0 {
		parts = append(parts, st.pass.Render(fmt.Sprintf("✓ %d pass", n)))
	}
	if n := counts[policy.Fail]; n > 0 {
		parts = append(parts, st.fail.Render(fmt.Sprintf("✗ %d fail", n)))
	}
	if n := counts[policy.Errored]; n > 0 {
		parts = append(parts, st.warn.Render(fmt.Sprintf("! %d error", n)))
	}
	if n := counts[policy.NotApplied]; n > 0 {
		parts = append(parts, st.dim.Render(fmt.Sprintf("%d n/a", n)))
	}
	line := strings.Repeat(" ", width+4) + st.dim.Render(fmt.Sprintf("↳ read by %d policy condition%s: ", len(cs), plural(len(cs)))) + strings.Join(parts, ", ")
	if len(failed) > maxNamedPolicies {
		failed = append(failed[:maxNamedPolicies], fmt.Sprintf("%d more", len(failed)-maxNamedPolicies))
	}
	if len(failed) > 0 {
		line += st.dim.Render(" (not passed in " + strings.Join(failed, ", ") + ")")
	}
	b.WriteString(line + "\n")
}

func highlightBadge(reason string, st styles) string {
	switch reason {
	case claims.ReasonNew:
		return st.badgeNew.Render("NEW")
	case claims.ReasonRisk:
		return st.badgeRisk.Render("RISK")
	case claims.ReasonUnknown:
		return st.badgeUnknown.Render("UNKNOWN")
	case claims.ReasonPolicyRelevant:
		return st.badgePolicy.Render("policy")
	case claims.ReasonUser:
		return st.badgeUser.Render("★")
	}
	return reason
}

// textSubject shows the sub part by part, the rule that chose its context,
// contradictions with the other claims, and its other form.
func textSubject(b *strings.Builder, s *claims.Subject, st styles) {
	if s == nil {
		return
	}
	b.WriteString("\n" + st.title.Render("Subject") + st.dim.Render(" ("+s.Format+" form)") + "\n")
	b.WriteString("  " + escape.Text(s.Raw) + "\n")
	width := 0
	for _, p := range s.Parts {
		width = max(width, len(escape.Text(p.Key)))
	}
	for _, p := range s.Parts {
		k := escape.Text(p.Key)
		line := "  " + st.label.Render(k) + strings.Repeat(" ", width-len(k)) + "  "
		v := p.Value
		if p.Decoded != "" {
			v += " (" + p.Decoded + ")"
		}
		if v == "" {
			v = st.dim.Render("(no value)")
		} else {
			v = escape.Text(v)
		}
		line += v
		if p.FromClaim != "" {
			line += st.dim.Render("  ← " + escape.Text(p.FromClaim))
			switch {
			case p.Agrees == nil:
			case *p.Agrees:
				line += " " + st.pass.Render("✓")
			default:
				line += " " + st.fail.Render("✗")
			}
		}
		b.WriteString(line + "\n")
	}
	if s.Unparsed != "" {
		b.WriteString("  " + st.warn.Render("not understood: ") + escape.Text(s.Unparsed) + "\n")
	}
	if s.Rule != "" {
		b.WriteString("  " + st.dim.Render("context rule: ") + s.Rule + "\n")
	}
	for _, c := range s.Contradictions {
		b.WriteString("  " + st.fail.Render("✗ ") + escape.Text(c) + "\n")
	}
	if s.Alternate != "" {
		b.WriteString("  " + st.label.Render("other form") + "  " + escape.Text(s.Alternate) + "\n")
		b.WriteString("  " + st.dim.Render(s.AlternateNote) + "\n")
	}
	for _, n := range s.Notes {
		b.WriteString("  " + st.dim.Render("note: "+n) + "\n")
	}
}

func textLinks(b *strings.Builder, links []claims.Link, st styles) {
	if len(links) == 0 {
		return
	}
	b.WriteString("\n" + st.title.Render("Links") + "\n")
	width := 0
	for _, l := range links {
		width = max(width, len(l.Name))
	}
	for _, l := range links {
		b.WriteString("  " + st.label.Render(l.Name) + strings.Repeat(" ", width-len(l.Name)) + "  " + escape.Text(l.URL))
		if l.Note != "" {
			b.WriteString(st.dim.Render("  (" + l.Note + ")"))
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
