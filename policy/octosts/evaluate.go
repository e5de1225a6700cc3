package octosts

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Evaluate follows the exchange's order: the token checks octo-sts makes
// whatever the policy (screen), then CheckToken's tests (issuer, subject,
// audience, claim_pattern). Unlike octo-sts it does not stop at the first
// failure: every condition is shown. Matching is paid from one
// MatchBudget for the policy and the token.
func (tp *trustPolicy) Evaluate(tok policy.Token) policy.Result {
	res := policy.NewResult(tp, tp.lint)
	ev := &evaluation{m: newMeter(), leaked: map[*field]string{}}
	var fields []*field // parallel to res.Conditions; nil for token checks and the implicit audience
	add := func(f *field, c policy.Condition) {
		fields = append(fields, f)
		res.Conditions = append(res.Conditions, c)
	}
	refusals := screen(tok)
	for _, r := range refusals {
		add(nil, r.condition())
	}
	add(tp.issuer, tp.checkSingle(ev, tok, tp.issuer, "iss"))
	add(tp.subject, tp.checkSingle(ev, tok, tp.subject, "sub"))
	add(tp.audience, tp.checkAudience(ev, tok))
	for _, f := range tp.claims {
		add(f, tp.checkClaim(ev, tok, f))
	}
	res.Lint = append(res.Lint, tokenLint(ev, tp, tok, fields)...)
	if summary, ok := tp.refused(refusals, res.Conditions); ok {
		res.Verdict, res.Summary = policy.Deny, summary
		return res
	}
	if len(tp.errs) == 0 && res.SetErrorFromConditions() {
		// oidcscope's own caps: octo-sts would decide, oidcscope cannot say how.
		res.Summary = "oidcscope cannot evaluate this policy: " + res.Error
		return res
	}
	res.Verdict, res.Summary = tp.verdict(ev, res.Conditions, fields)
	switch res.Verdict {
	case policy.Error:
		res.Error = strings.Join(tp.errs, "; ")
	case policy.Deny:
		res.Fixes = tp.fixes(tok, res.Conditions, fields)
	}
	return res
}

// evaluation is one Evaluate call: its match budget, and the value each
// pattern accepts only through the ungrouped "^" + p + "$" of octo-sts/app
// up to v0.8.0 (passing under AnchorCaretDollar, failing otherwise).
type evaluation struct {
	m      *meter
	leaked map[*field]string
}

func (tp *trustPolicy) verdict(ev *evaluation, conds []policy.Condition, fields []*field) (policy.Verdict, string) {
	if len(tp.errs) > 0 {
		s := fmt.Sprintf("octo-sts cannot compile this policy, so every exchange for identity %s fails (\"unable to compile trust policy\"): %s", escape.Quoted(tp.name), tp.errs[0])
		if n := len(tp.errs) - 1; n > 0 {
			s += fmt.Sprintf(" (and %d more)", n)
		}
		return policy.Error, s
	}
	var failed []int
	warned := false
	for i, c := range conds {
		if c.Result == policy.Fail {
			failed = append(failed, i)
		}
		if _, ok := ev.leaked[fields[i]]; ok && c.Result == policy.Pass {
			warned = true
		}
	}
	if len(failed) == 0 {
		s := fmt.Sprintf("octo-sts accepts this token: issuer, subject, audience%s match", claimCount(len(tp.claims)))
		if warned {
			s += ", but only through the ungrouped anchoring of octo-sts/app up to v0.8.0 (octo-sts since PR #1643, which the public octo-sts.dev runs, refuses it): see the diagnosis"
		}
		return policy.Allow, s
	}
	first := conds[failed[0]]
	what := first.Expression
	if f := fields[failed[0]]; f != nil {
		what = f.key
	}
	s := fmt.Sprintf("octo-sts refuses this token at %s: ", what)
	switch {
	case first.Absent:
		s += fmt.Sprintf("the token has no %s claim", first.Claims[0])
	case len(first.Diagnosis) > 0 && strings.HasPrefix(first.Diagnosis[0], "trust policy:"):
		s += strings.TrimPrefix(first.Diagnosis[0], "trust policy: ")
	default:
		s += first.Claims[0] + " " + escape.Quoted(first.Actual) + " does not match"
	}
	if n := len(failed) - 1; n > 0 {
		s += " (and " + policy.Count(n, "more failing condition") + ")"
	}
	return policy.Deny, s
}

func claimCount(n int) string {
	if n == 0 {
		return ""
	}
	return " and " + policy.Count(n, "claim pattern")
}

// checkSingle tests iss or sub, which go-oidc reads as strings.
func (tp *trustPolicy) checkSingle(ev *evaluation, tok policy.Token, f *field, claim string) policy.Condition {
	c := policy.Condition{Claims: []string{claim}}
	if f == nil {
		return c // unreachable: compile always sets issuer and subject
	}
	c.Expression, c.Expected = f.expression(), []string{f.value}
	if f.broken() {
		c.Result, c.Diagnosis = policy.Errored, f.errorDiagnosis()
		return c
	}
	v, ok := last(tok, claim)
	if !ok {
		c.Absent, c.Result, c.Diagnosis = true, policy.Fail, []string{policy.Absent(claim)}
		return c
	}
	if v.Kind != decode.String {
		c.Actual = valueText(v)
		c.Result = policy.Fail
		if v.Kind == decode.Null {
			c.Diagnosis = []string{fmt.Sprintf("the token's %s is null, not a string: octo-sts reads it as empty, which its token checks refuse", claim)}
			return c
		}
		c.Diagnosis = []string{fmt.Sprintf("the token's %s is a %s, not a string: octo-sts refuses the token (\"invalid bearer token\") before it reads any trust policy", claim, v.Kind)}
		return c
	}
	c.Actual = v.Text
	return tp.judge(ev, c, f, []string{v.Text})
}

// checkAudience: the audience or audience_pattern must match any aud;
// with neither, aud must contain the STS domain.
func (tp *trustPolicy) checkAudience(ev *evaluation, tok policy.Token) policy.Condition {
	c := policy.Condition{Claims: []string{"aud"}}
	f := tp.audience
	if f == nil {
		c.Expression = "(no audience or audience_pattern: aud must contain the STS domain " + tp.domain + ")"
		c.Expected = []string{tp.domain}
	} else {
		c.Expression, c.Expected = f.expression(), []string{f.value}
		if f.broken() {
			c.Result, c.Diagnosis = policy.Errored, f.errorDiagnosis()
			return c
		}
	}
	v, present := last(tok, "aud")
	if !present {
		c.Absent, c.Result, c.Diagnosis = true, policy.Fail, []string{policy.Absent("aud")}
		return c
	}
	c.Actual = valueText(v)
	auds, ok := goOIDCAudience(v) // null, alone or in the list, reads as ""
	if !ok {
		c.Result = policy.Fail
		c.Diagnosis = []string{"the token's aud is neither a string nor a list of strings: go-oidc, which octo-sts verifies tokens with, cannot read it, so the exchange fails (\"unable to verify bearer token\") before any trust policy is read"}
		return c
	}
	// A token requested for another provider, or with GitHub's default
	// audience (octo-sts's action requests the STS domain), is the
	// workflow's mistake: no change to the policy should accept it
	// (Result.Instead).
	forOther := policy.NotMeantFor(policy.OctoSTS, tok, auds)
	if f != nil {
		c = tp.judge(ev, c, f, auds)
		c.TokenSide = c.Result == policy.Fail && forOther
		return c
	}
	for _, a := range auds {
		if a == tp.domain {
			c.Result = policy.Pass
			return c
		}
	}
	c.Result, c.TokenSide = policy.Fail, forOther
	c.Diagnosis = []string{
		fmt.Sprintf("trust policy: audience %s did not match any of %s", escape.Quoted(tp.domain), quotedList(auds)),
		fmt.Sprintf("octo-sts expects aud %s (its STS_DOMAIN) when the policy sets no audience", tp.domain),
	}
	if a := firstOr(auds, ""); audienceProblem(a) == "" && !forOther {
		c.Diagnosis = append(c.Diagnosis, fmt.Sprintf("request the token with audience %s, or add `audience: %s` to the policy if this token's audience is the one you mean", tp.domain, yamlQuote(a)))
	} else {
		c.Diagnosis = append(c.Diagnosis, fmt.Sprintf("request the token with audience %s", tp.domain))
	}
	return c
}

// checkClaim: the claim must exist and be a string or a boolean (as
// "true"/"false"); any other JSON type is refused.
func (tp *trustPolicy) checkClaim(ev *evaluation, tok policy.Token, f *field) policy.Condition {
	c := policy.Condition{Expression: f.expression(), Claims: []string{f.claim}, Expected: []string{f.value}, Group: "claim_pattern"}
	if f.broken() {
		c.Result, c.Diagnosis = policy.Errored, f.errorDiagnosis()
		return c
	}
	v, ok := last(tok, f.claim)
	if !ok {
		c.Absent, c.Result = true, policy.Fail
		c.Diagnosis = []string{"trust policy: expected claim " + escape.Quoted(f.claim) + " not found in token", policy.Absent(f.claim)}
		return c
	}
	c.Actual = valueText(v)
	switch v.Kind {
	case decode.String, decode.Bool:
		c.Actual = v.Text // a boolean becomes "true" or "false", as in octo-sts
	default:
		c.Result = policy.Fail
		c.Diagnosis = []string{
			"trust policy: expected claim " + escape.Quoted(f.claim) + " not a string",
			fmt.Sprintf("the token's %s is a JSON %s; octo-sts matches claim_pattern only against strings and booleans", f.claim, v.Kind),
		}
		return c
	}
	return tp.judge(ev, c, f, []string{c.Actual})
}

// judge decides a condition from the values the claim holds (several only
// for aud: any may match). A match m cannot pay for leaves the condition
// errored: oidcscope cannot say what octo-sts decides. A value only the
// ungrouped reading accepts is recorded in ev.leaked: it passes, loudly,
// under AnchorCaretDollar and fails under AnchorGrouped.
func (tp *trustPolicy) judge(ev *evaluation, c policy.Condition, f *field, values []string) policy.Condition {
	var hit []string
	for _, v := range values {
		matched, ok := f.match(ev.m, v)
		if !ok {
			c.Result, c.Diagnosis = policy.Errored, []string{overBudget(f, v)}
			return c
		}
		if matched {
			hit = append(hit, v)
		}
	}
	if len(hit) == 0 {
		c.Result = policy.Fail
		for _, v := range values {
			if f.onlyUngrouped(ev.m, v) {
				ev.leaked[f] = v
				break
			}
		}
		c.Diagnosis = tp.explainFailure(ev, f, values)
		return c
	}
	c.Result = policy.Pass
	for _, v := range hit {
		if !f.onlyUngrouped(ev.m, v) {
			return c
		}
	}
	ev.leaked[f] = hit[0]
	c.Diagnosis = []string{ungroupedPass(f, hit[0])}
	return c
}

func firstOr(s []string, def string) string {
	if len(s) == 0 {
		return def
	}
	return s[0]
}
