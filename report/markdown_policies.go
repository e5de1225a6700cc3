package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// mdVerdictLine is the first thing a section says: what the policies
// decided, or that there were none.
func mdVerdictLine(r *inspect.Report) string {
	n := len(r.Policies)
	if n == 0 {
		return "No policy given: below are the token's claims and the conditions each would satisfy."
	}
	counts := verdictCounts(r.Policies)
	switch {
	case counts[policy.Allow] == n && n == 1:
		return "**✅ The policy allows this token.**"
	case counts[policy.Allow] == n:
		return fmt.Sprintf("**✅ All %d policies allow this token.**", n)
	case r.PoliciesAny && counts[policy.Allow] > 0:
		return fmt.Sprintf("**✅ %d of %d policies allow this token** (one is enough).", counts[policy.Allow], n)
	case counts[policy.Error] > 0 && counts[policy.Deny] == 0:
		return fmt.Sprintf("**⚠ %d of %d policies could not be evaluated.**", counts[policy.Error], n)
	case n == 1:
		return "**❌ The policy denies this token.**"
	}
	line := fmt.Sprintf("**❌ %d of %d policies deny this token", counts[policy.Deny], n)
	if counts[policy.Error] > 0 {
		line += fmt.Sprintf("; %d could not be evaluated", counts[policy.Error])
	}
	return line + ".**"
}

func verdictCounts(rs []policy.Result) map[policy.Verdict]int {
	counts := map[policy.Verdict]int{}
	for _, p := range rs {
		counts[p.Verdict]++
	}
	return counts
}

// mdPolicies is the table of verdicts, allowed first, then the details of
// those that did not allow, as many as the text report details.
func mdPolicies(b *strings.Builder, r *inspect.Report) {
	if len(r.Policies) == 0 {
		return
	}
	results := policyset.Sorted(r.Policies)
	counts := verdictCounts(results)
	fmt.Fprintf(b, "#### Policies (%d: %d allow, %d deny, %d error)\n\n", len(results), counts[policy.Allow], counts[policy.Deny], counts[policy.Error])
	b.WriteString("| Verdict | Provider | Policy | Source |\n|---|---|---|---|\n")
	for _, p := range results {
		src := ""
		if p.Source != p.Name {
			src = mdCell(p.Source)
		}
		b.WriteString("| " + mdVerdict(p.Verdict) + " | " + providerName(p.Provider) + " | " + mdCell(p.Name) + " | " + src + " |\n")
	}
	b.WriteString("\n")
	shown := 0
	for _, p := range results {
		if p.Verdict == policy.Allow && !hasLintErrors(p) {
			continue
		}
		if shown == detailLimit {
			fmt.Fprintf(b, "*… details of %d more policies in `oidcscope inspect --json`*\n\n", len(results)-countAllowed(results)-shown)
			break
		}
		shown++
		mdPolicyDetail(b, p, r)
	}
}

func providerName(id string) string {
	if id == "" {
		return "?"
	}
	return policy.ProviderName(id)
}

// Marks of verdicts and outcomes; an unknown one reads as an error.
var (
	mdVerdicts = map[policy.Verdict]string{policy.Allow: "✅ allow", policy.Deny: "❌ deny", policy.Error: "⚠ error"}
	mdOutcomes = map[policy.Outcome]string{policy.Pass: "✅", policy.Fail: "❌", policy.Errored: "⚠", policy.NotApplied: "➖"}
)

func mdVerdict(v policy.Verdict) string {
	if m, ok := mdVerdicts[v]; ok {
		return m
	}
	return mdVerdicts[policy.Error]
}

func mdOutcome(o policy.Outcome) string {
	if m, ok := mdOutcomes[o]; ok {
		return m
	}
	return mdOutcomes[policy.NotApplied]
}

// mdPolicyDetail says why one policy did not allow: its failing
// conditions, each with what the token holds and the diagnosis, then what
// this token would satisfy in their place, and the lint findings. The
// conditions that passed are folded.
func mdPolicyDetail(b *strings.Builder, p policy.Result, r *inspect.Report) {
	b.WriteString("##### " + mdVerdict(p.Verdict) + " · " + providerName(p.Provider) + " · " + mdCode(p.Name) + "\n\n")
	if p.Source != p.Name {
		b.WriteString("From " + mdCode(p.Source) + ". ")
	}
	if p.Summary != "" {
		b.WriteString(mdText(p.Summary))
	}
	b.WriteString("\n\n")
	if p.Error != "" && !strings.Contains(p.Summary, p.Error) && !anyErrored(p.Conditions) {
		b.WriteString("- ⚠ error: " + mdText(p.Error) + "\n")
	}
	var passed []policy.Condition
	var failedClaims []string
	for _, c := range p.Conditions {
		if c.Result != policy.Fail && c.Result != policy.Errored {
			passed = append(passed, c)
			continue
		}
		mdFailedCondition(b, c)
		for _, name := range c.Claims {
			if !slices.Contains(failedClaims, name) {
				failedClaims = append(failedClaims, name)
			}
		}
	}
	b.WriteString("\n")
	if len(passed) > 0 {
		fmt.Fprintf(b, "<details><summary>%d condition%s passed or did not apply</summary>\n\n", len(passed), plural(len(passed)))
		for _, c := range passed {
			b.WriteString("- " + mdOutcome(c.Result) + " " + mdCode(c.Expression) + "\n")
		}
		b.WriteString("\n</details>\n\n")
	}
	mdSuggestions(b, r, p.Provider, failedClaims)
	if len(p.Lint) > 0 {
		b.WriteString("Lint:\n\n")
		for _, f := range p.Lint {
			b.WriteString("- " + mdSeverity(f.Severity) + " " + mdCode(f.Rule) + ": " + mdText(f.Message) + "\n")
		}
		b.WriteString("\n")
	}
}

// mdFailedCondition is one failing condition as a list item: the
// expression, what the token holds, and the diagnosis, whose aligned
// lines (expected/token/caret) stay aligned in a code block.
func mdFailedCondition(b *strings.Builder, c policy.Condition) {
	b.WriteString("- " + mdOutcome(c.Result) + " " + mdCode(c.Expression) + "\n")
	if len(c.Claims) > 0 {
		actual := mdCode(c.Actual)
		if c.Absent {
			actual = "*(absent)*"
		}
		b.WriteString("  - token " + escapedJoin(c.Claims, ", ") + ": " + actual + "\n")
	}
	var aligned []string
	flush := func() {
		if len(aligned) > 0 {
			b.WriteString("\n" + mdFence(strings.Join(aligned, "\n"), "", "    ") + "\n")
			aligned = nil
		}
	}
	for _, d := range c.Diagnosis {
		if strings.HasPrefix(d, "  ") {
			aligned = append(aligned, escape.Text(d))
			continue
		}
		flush()
		b.WriteString("  - " + mdText(d) + "\n")
	}
	flush()
}

var mdSeverities = map[string]string{policy.SevError: "❌ error", policy.SevWarning: "⚠ warning", policy.SevInfo: "ℹ info"}

func mdSeverity(sev string) string {
	if m, ok := mdSeverities[sev]; ok {
		return m
	}
	return mdSeverities[policy.SevInfo]
}
