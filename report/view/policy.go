package view

import (
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws"
)

// DetailLimit: with more policies than this, a report is the table of
// verdicts ("which of these roles can this token assume?") and the details
// of the first ones only, errors first (Details).
const DetailLimit = 8

// Policy is one policy's result, escaped, with what the token satisfies
// in place of its failing conditions.
type Policy struct {
	Mark                   Mark
	Verdict                policy.Verdict
	Provider, ProviderName string
	Name, Source           string
	SourceDiffers          bool // Source says more than Name
	Summary                string
	// Error is the error to show on its own: empty when the summary
	// already says it or a condition carries it.
	Error      string
	Conditions []Condition
	Lint       []Lint
	LintErrors bool
	Instead    []Snippet
	// ProviderAnswer ends a denied policy's diagnosis: the error text
	// its provider returns ("AWS answers: Not authorized to perform
	// sts:AssumeRoleWithWebIdentity", or STS's InvalidIdentityToken error
	// when its IAM OIDC provider check refuses the token first), to match
	// with the log; "" when not denied, unknown, or already in the
	// summary or a diagnosis.
	ProviderAnswer string
}

// Condition is one of a policy's conditions.
type Condition struct {
	Mark       Mark
	Failed     bool // failed or could not be evaluated
	Expression string
	Claims     []string
	Actual     string
	Absent     bool
	Diagnosis  []string
	Group      string // the group it belongs to (an AWS statement); "" for none
	// Denies: it holds, in the Deny statement that decided the policy,
	// so it is a reason for the deny (marked so), not a pass.
	Denies bool
}

// Detailed reports whether a report shows what the token holds and the
// diagnosis under c: it failed, or it is a reason for the deny.
func (c Condition) Detailed() bool { return c.Failed || c.Denies }

// Lint is one lint finding.
type Lint struct {
	Mark          Mark
	Rule, Message string
}

// Policies are r's policy results, allowed first, as blocks.
func Policies(r *inspect.Report) []Policy {
	results := policy.SortResults(r.Policies)
	out := make([]Policy, len(results))
	for i, p := range results {
		out[i] = PolicyOf(r, p)
	}
	return out
}

// PolicyOf is one result of r as a block.
func PolicyOf(r *inspect.Report, p policy.Result) Policy {
	out := Policy{
		Mark: VerdictMark(p.Verdict), Verdict: p.Verdict,
		Provider: shown(p.Provider), ProviderName: ProviderName(p.Provider),
		Name: shown(p.Name), Source: shown(p.Source), SourceDiffers: p.Source != p.Name,
		Summary: shown(p.Summary),
	}
	errored := false
	denyGroup := aws.DeniedBy(p) // "" for a provider without Deny statements
	for _, c := range p.Conditions {
		errored = errored || c.Result == policy.Errored
		vc := Condition{
			Mark: OutcomeMark(c.Result), Failed: failed(c.Result), Expression: shown(c.Expression),
			Claims: shownAll(c.Claims), Actual: shown(c.Actual), Absent: c.Absent, Diagnosis: shownAll(c.Diagnosis),
			Group: shown(c.Group),
		}
		if denyGroup != "" && c.Group == denyGroup && c.Result == policy.Pass {
			vc.Mark, vc.Denies = DeniesMark, true
		}
		out.Conditions = append(out.Conditions, vc)
	}
	// An error a condition carries is shown under that condition.
	if p.Error != "" && !strings.Contains(p.Summary, p.Error) && !errored {
		out.Error = shown(p.Error)
	}
	for _, f := range p.Lint {
		out.Lint = append(out.Lint, Lint{Mark: SeverityMark(f.Severity), Rule: shown(f.Rule), Message: shown(f.Message)})
		out.LintErrors = out.LintErrors || f.Severity == policy.SevError
	}
	out.Instead = Instead(r, p)
	out.ProviderAnswer = providerAnswer(p)
	return out
}

func failed(o policy.Outcome) bool { return o == policy.Fail || o == policy.Errored }

// Detailed reports whether a report details p: every policy that did not
// allow, and an allowing one with lint errors (or, with alone, any).
func (p Policy) Detailed(alone bool) bool {
	return p.Verdict != policy.Allow || p.LintErrors || alone
}
