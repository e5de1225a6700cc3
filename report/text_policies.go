package report

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// detailLimit: with more policies than this, the report is the table of
// verdicts ("which of these roles can this token assume?") and the details
// of the first denials only.
const detailLimit = 8

// textPolicies shows every policy's verdict, allowed first, then the
// conditions of those that did not allow, with the diagnosis of each
// failure and the lint findings.
func textPolicies(b *strings.Builder, r *inspect.Report, st styles) {
	if len(r.Policies) == 0 {
		return
	}
	results := policyset.Sorted(r.Policies)
	counts := map[policy.Verdict]int{}
	for _, p := range results {
		counts[p.Verdict]++
	}
	fmt.Fprintf(b, "\n%s%s\n", st.title.Render("Policies"),
		st.dim.Render(fmt.Sprintf(" (%d: %d allow, %d deny, %d error)", len(results), counts[policy.Allow], counts[policy.Deny], counts[policy.Error])))
	for _, p := range results {
		line := "  " + verdictBadge(p.Verdict, st) + "  " + fmt.Sprintf("%-8s", p.Provider) + " " + escape.Text(p.Name)
		if p.Source != p.Name {
			line += st.dim.Render("  " + escape.Text(p.Source))
		}
		b.WriteString(line + "\n")
	}
	shown := 0
	for _, p := range results {
		if p.Verdict == policy.Allow && len(results) > 1 && !hasLintErrors(p) {
			continue
		}
		if shown == detailLimit {
			b.WriteString(st.dim.Render(fmt.Sprintf("\n  … details of %d more policies in --json", len(results)-countAllowed(results)-shown)) + "\n")
			break
		}
		shown++
		textPolicyDetail(b, p, st)
	}
}

func textPolicyDetail(b *strings.Builder, p policy.Result, st styles) {
	b.WriteString("\n" + st.title.Render(escape.Text(p.Name)) + "  " + verdictBadge(p.Verdict, st) + st.dim.Render("  "+p.Provider+" · "+escape.Text(p.Source)) + "\n")
	if p.Summary != "" {
		b.WriteString("  " + escape.Text(p.Summary) + "\n")
	}
	// An error a condition carries is shown under that condition.
	if p.Error != "" && !strings.Contains(p.Summary, p.Error) && !anyErrored(p.Conditions) {
		b.WriteString("  " + st.fail.Render("error: ") + escape.Text(p.Error) + "\n")
	}
	for _, c := range p.Conditions {
		b.WriteString("  " + outcomeMark(c.Result, st) + " " + escape.Text(c.Expression) + "\n")
		if c.Result != policy.Fail && c.Result != policy.Errored {
			continue
		}
		actual := escape.Text(c.Actual)
		if c.Absent {
			actual = st.dim.Render("(absent)")
		}
		if len(c.Claims) > 0 {
			b.WriteString("      " + st.dim.Render("token "+strings.Join(c.Claims, ", ")+": ") + actual + "\n")
		}
		for _, d := range c.Diagnosis {
			b.WriteString("      " + escape.Text(d) + "\n")
		}
	}
	for _, f := range p.Lint {
		b.WriteString("  " + severityBadge(f.Severity, st) + " " + st.dim.Render(f.Rule+": ") + escape.Text(f.Message) + "\n")
	}
}

func verdictBadge(v policy.Verdict, st styles) string {
	switch v {
	case policy.Allow:
		return st.pass.Render("✓ allow")
	case policy.Deny:
		return st.fail.Render("✗ deny ")
	}
	return st.warn.Render("! error")
}

func outcomeMark(o policy.Outcome, st styles) string {
	switch o {
	case policy.Pass:
		return st.pass.Render("✓")
	case policy.Fail:
		return st.fail.Render("✗")
	case policy.Errored:
		return st.warn.Render("!")
	}
	return st.dim.Render("-")
}

func severityBadge(sev string, st styles) string {
	switch sev {
	case policy.SevError:
		return st.fail.Render("lint error")
	case policy.SevWarning:
		return st.warn.Render("lint warning")
	}
	return st.dim.Render("lint info")
}

func hasLintErrors(p policy.Result) bool {
	for _, f := range p.Lint {
		if f.Severity == policy.SevError {
			return true
		}
	}
	return false
}

func countAllowed(rs []policy.Result) int {
	n := 0
	for _, r := range rs {
		if r.Verdict == policy.Allow {
			n++
		}
	}
	return n
}

func anyErrored(cs []policy.Condition) bool {
	for _, c := range cs {
		if c.Result == policy.Errored {
			return true
		}
	}
	return false
}
