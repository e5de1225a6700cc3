package report

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// mdVerdictLine is the first thing a section says: what the policies
// decided, or that there were none.
func mdVerdictLine(r *inspect.Report) string {
	t := view.TallyOf(r.Policies)
	n := t.Total
	switch {
	case n == 0:
		return "No policy given: below are the token's claims and the conditions each would satisfy."
	case t.Allow == n && n == 1:
		return "**✅ The policy allows this token.**"
	case t.Allow == n:
		return fmt.Sprintf("**✅ All %d policies allow this token.**", n)
	case r.PoliciesAny && t.Allow > 0:
		return fmt.Sprintf("**✅ %d of %d policies allow this token** (one is enough).", t.Allow, n)
	case t.Error > 0 && t.Deny == 0:
		return fmt.Sprintf("**⚠ %d of %d policies could not be evaluated.**", t.Error, n)
	case n == 1:
		return "**❌ The policy denies this token.**"
	}
	line := fmt.Sprintf("**❌ %d of %d policies deny this token", t.Deny, n)
	if t.Error > 0 {
		line += fmt.Sprintf("; %d could not be evaluated", t.Error)
	}
	return line + ".**"
}

// mdPolicies is the table of verdicts, allowed first, then the details of
// those that did not allow, as many as the text report details.
func mdPolicies(b *strings.Builder, r *inspect.Report) {
	if len(r.Policies) == 0 {
		return
	}
	ps := view.Policies(r)
	t := view.TallyOf(r.Policies)
	fmt.Fprintf(b, "#### Policies (%d: %d allow, %d deny, %d error)\n\n", t.Total, t.Allow, t.Deny, t.Error)
	b.WriteString("| Verdict | Provider | Policy | Source |\n|---|---|---|---|\n")
	for _, p := range ps {
		src := ""
		if p.SourceDiffers {
			src = codeSpan(p.Source, true)
		}
		b.WriteString("| " + mdMark(p.Mark) + " | " + p.ProviderName + " | " + codeSpan(p.Name, true) + " | " + src + " |\n")
	}
	b.WriteString("\n")
	details, more := view.Details(ps, false)
	for _, p := range details {
		mdPolicyDetail(b, p)
	}
	if more > 0 {
		fmt.Fprintf(b, "*… details of %d more policies in `oidcscope inspect --json`*\n\n", more)
	}
}

// mdPolicyDetail says why one policy did not allow: its failing
// conditions, each with what the token holds and the diagnosis, then what
// this token would satisfy in their place, and the lint findings. The
// conditions that passed are folded.
func mdPolicyDetail(b *strings.Builder, p view.Policy) {
	b.WriteString("##### " + mdMark(p.Mark) + " · " + p.ProviderName + " · " + codeSpan(p.Name, false) + "\n\n")
	if p.SourceDiffers {
		b.WriteString("From " + codeSpan(p.Source, false) + ". ")
	}
	if p.Summary != "" {
		b.WriteString(mdEscaped(p.Summary))
	}
	b.WriteString("\n\n")
	if p.Error != "" {
		b.WriteString("- ⚠ error: " + mdEscaped(p.Error) + "\n")
	}
	for _, g := range p.Groups() {
		mdConditionGroup(b, g)
	}
	if p.ProviderAnswer != "" {
		b.WriteString(mdEscaped(p.ProviderAnswer) + "\n\n")
	}
	if len(p.Instead) > 0 {
		b.WriteString(view.InsteadTitle(p.ProviderName) + "\n\n" + mdEscaped(view.InsteadCaution) + "\n\n")
		mdSnippets(b, p.Instead)
	}
	if len(p.Lint) > 0 {
		b.WriteString("Lint:\n\n")
		for _, f := range p.Lint {
			b.WriteString("- " + mdMark(f.Mark) + " " + codeSpan(f.Rule, false) + ": " + mdEscaped(f.Message) + "\n")
		}
		b.WriteString("\n")
	}
}

// mdConditionGroup is one group of a policy's conditions under its
// heading (an AWS statement): those that failed or deny, each with what
// the token holds and the diagnosis, then the others folded.
func mdConditionGroup(b *strings.Builder, g view.ConditionGroup) {
	if g.Heading != "" {
		b.WriteString("**" + mdEscaped(g.Heading) + "**")
		if g.Denies {
			b.WriteString(" — " + mdEmoji[view.DeniesMark.Tone] + " " + mdEscaped(view.DeniesNote))
		}
		b.WriteString("\n\n")
	}
	var passed []view.Condition
	for _, c := range g.Conditions {
		if !c.Detailed() {
			passed = append(passed, c)
			continue
		}
		mdFailedCondition(b, c)
	}
	if len(passed) < len(g.Conditions) || g.Heading == "" {
		b.WriteString("\n") // ends the list (the heading ended its own paragraph)
	}
	if len(passed) > 0 {
		fmt.Fprintf(b, "<details><summary>%d condition%s passed or did not apply</summary>\n\n", len(passed), plural(len(passed)))
		for _, c := range passed {
			b.WriteString("- " + mdEmoji[c.Mark.Tone] + " " + codeSpan(c.Expression, false) + "\n")
		}
		b.WriteString("\n</details>\n\n")
	}
}

// mdFailedCondition is one failing condition as a list item: the
// expression, what the token holds, and the diagnosis, whose aligned
// lines (expected/token/caret) stay aligned in a code block.
func mdFailedCondition(b *strings.Builder, c view.Condition) {
	b.WriteString("- " + mdEmoji[c.Mark.Tone] + " " + codeSpan(c.Expression, false) + "\n")
	if len(c.Claims) > 0 {
		actual := codeSpan(c.Actual, false)
		if c.Absent {
			actual = "*(absent)*"
		}
		b.WriteString("  - token " + mdEscaped(strings.Join(c.Claims, ", ")) + ": " + actual + "\n")
	}
	mdDiagnosis(b, c.Diagnosis)
}

// mdDiagnosis is a failing condition's diagnosis as sub-items, whose
// aligned lines (expected/token/caret) stay aligned in a code block.
func mdDiagnosis(b *strings.Builder, diagnosis []string) {
	var aligned []string
	flush := func() {
		if len(aligned) > 0 {
			b.WriteString("\n" + mdFenced(strings.Join(aligned, "\n"), "", "    ") + "\n")
			aligned = nil
		}
	}
	for _, d := range diagnosis {
		if strings.HasPrefix(d, "  ") {
			aligned = append(aligned, d)
			continue
		}
		flush()
		b.WriteString("  - " + mdEscaped(d) + "\n")
	}
	flush()
}
