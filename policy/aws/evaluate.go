package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// Evaluate decides, as STS would for AssumeRoleWithWebIdentity, whether the
// token may assume the role: allowed iff some Allow statement applies (its
// principal is the token's OIDC provider and its action covers the call)
// and all its conditions hold, and no applying Deny statement's conditions
// all hold. Conditions on AWS request-context keys (aws:…, sts:…) cannot be
// known from a token: they are n/a and assumed to hold, and the summary
// says so.
func (t *trustPolicy) Evaluate(tok policy.Token) policy.Result {
	res := policy.NewResult(t, t.lint)
	if t.broken != nil {
		res.Verdict, res.Error = policy.Error, t.broken.Error()
		res.Summary = "the role's trust policy could not be read"
		return res
	}
	req := newRequest(tok)
	n := 0
	for _, s := range t.statements {
		n += len(s.errs) + 2 + len(s.conds) // errors, principal, action, conditions
	}
	res.Conditions = make([]policy.Condition, 0, n)
	var (
		errs          []string
		unmatched     []string // conditions past policy.WildcardBudget
		allowBy       *statement
		denyBy        *statement
		allowApplies  bool
		assumed       int    // request-context conditions taken to hold in allowBy
		denyAssumed   int    // and in denyBy
		firstMiss     string // why the first Allow statement did not apply
		closestFailed []string
		closest       *statement
	)
	type span struct{ from, to int } // principal/action conditions of a statement
	var skipped []span
	for _, s := range t.statements {
		for _, e := range s.errs {
			e.Group = s.group
			res.Conditions = append(res.Conditions, e)
			errs = append(errs, s.group+": "+strings.Join(e.Diagnosis, "; "))
		}
		from := len(res.Conditions)
		applies, why := true, ""
		if s.principal.expr != "" {
			c, ok, reason := req.principalCondition(s)
			res.Conditions = append(res.Conditions, c)
			if !ok {
				applies, why = false, reason
			}
		} else {
			applies, why = false, "it has no usable Principal"
		}
		if len(s.action.patterns) > 0 {
			c := actionCondition(s)
			res.Conditions = append(res.Conditions, c)
			if c.Result != policy.Pass && applies {
				applies, why = false, c.Diagnosis[0]
			}
		} else if applies {
			applies, why = false, "it has no usable Action"
		}
		to := len(res.Conditions)
		if !applies {
			skipped = append(skipped, span{from, to})
			if s.effect == "Allow" && firstMiss == "" {
				firstMiss = s.group + " does not apply: " + why
			}
		}
		var failed []string
		ctx := 0
		for _, c := range s.conds {
			cond, assumedHolds := req.evalCondition(c, s, applies, why)
			switch cond.Result {
			case policy.Errored:
				unmatched = append(unmatched, s.group+": "+cond.Diagnosis[0])
			case policy.Fail:
				failed = append(failed, c.label)
			case policy.NotApplied:
				if assumedHolds {
					ctx++
				}
			}
			res.Conditions = append(res.Conditions, cond)
		}
		if !applies || len(s.errs) > 0 {
			continue
		}
		switch s.effect {
		case "Allow":
			allowApplies = true
			if len(failed) == 0 && allowBy == nil {
				allowBy, assumed = s, ctx
			} else if len(failed) > 0 && (closest == nil || len(failed) < len(closestFailed)) {
				closest, closestFailed = s, failed
			}
		case "Deny":
			if len(failed) == 0 && denyBy == nil {
				denyBy, denyAssumed = s, ctx
			}
		}
	}
	// Principal and action checks of statements that did not apply only
	// decide the verdict when no Allow statement applies at all.
	if allowApplies {
		for _, sp := range skipped {
			for i := sp.from; i < sp.to; i++ {
				if c := &res.Conditions[i]; c.Result == policy.Fail {
					c.Result = policy.NotApplied
					c.Diagnosis = append(c.Diagnosis, "another statement applies to this token; this one is not considered")
				}
			}
		}
	}
	res.Lint = append(res.Lint, t.tokenLint(req)...)
	switch {
	case len(errs) > 0:
		res.Verdict = policy.Error
		res.Error = strings.Join(errs, "; ")
		res.Summary = fmt.Sprintf("cannot be evaluated: %d element(s) of the policy are invalid (first: %s)", len(errs), errs[0])
	case len(unmatched) > 0:
		res.Verdict, res.Error = policy.Error, strings.Join(unmatched, "; ")
		res.Summary = "oidcscope cannot evaluate this policy for this token: " + unmatched[0]
	case denyBy != nil:
		res.Verdict = policy.Deny
		res.Summary = fmt.Sprintf("%s%s: all its conditions hold for this token, and an explicit Deny overrides every Allow", deniedBy, denyBy.group)
		if denyAssumed > 0 {
			res.Summary += fmt.Sprintf(" (assuming its %s on AWS request context, not in the token, hold)", policy.Count(denyAssumed, "condition"))
		}
	case allowBy != nil:
		res.Verdict = policy.Allow
		if len(allowBy.conds) == 0 {
			res.Summary = fmt.Sprintf("allowed by %s: principal and action match, and it has no conditions", allowBy.group)
		} else {
			res.Summary = fmt.Sprintf("allowed by %s: principal, action and %s hold", allowBy.group, policy.Count(len(allowBy.conds), "condition"))
		}
		if assumed > 0 {
			res.Summary += fmt.Sprintf(", assuming its %s on AWS request context (not in the token) also hold", policy.Count(assumed, "condition"))
		}
	case closest != nil:
		res.Verdict = policy.Deny
		res.Summary = fmt.Sprintf("denied: %s fails %s: %s", closest.group, policy.Count(len(closestFailed), "condition"), strings.Join(first(closestFailed, 3), ", "))
	default:
		res.Verdict = policy.Deny
		if firstMiss == "" {
			firstMiss = "the policy has no Allow statement"
		}
		res.Summary = "denied: no Allow statement applies to this token: " + firstMiss
	}
	return res
}

// evalCondition evaluates one condition of a statement. assumed is true
// for a condition of an applying statement that depends on AWS request
// context a token does not hold: it is n/a, and taken to hold.
func (r *request) evalCondition(c *condition, s *statement, applies bool, why string) (out policy.Condition, assumed bool) {
	out = policy.Condition{Expression: c.expr, Claims: []string{}, Expected: slices.Clone(c.values), Group: s.group}
	if c.kind == keyContext {
		out.Result = policy.NotApplied
		out.Diagnosis = []string{fmt.Sprintf("%s is an AWS request-context key, not a token claim: oidcscope cannot know it and treats the condition as holding", c.key)}
		return out, applies
	}
	out.Claims = []string{c.claim}
	if !applies {
		// Show what the token holds; the key's resolution does not matter.
		tv := r.claim(c.claim)
		out.Actual, out.Absent = tv.actual, !tv.present
		out.Result = policy.NotApplied
		out.Diagnosis = []string{s.group + " does not apply to this token, so its conditions are not evaluated: " + why}
		return out, false
	}
	v := r.resolve(c)
	out.Actual, out.Absent = v.actual, !v.present
	vals, ok := r.substitute(c)
	if !ok {
		out.Result, out.Diagnosis = policy.Errored, []string{overSubstitution(c)}
		return out, false
	}
	if c.like() && !r.wild.Afford(likeCost(vals, v)) {
		out.Result, out.Diagnosis = policy.Errored, []string{overBudget(c, v)}
		return out, false
	}
	got := c.test(v, vals)
	switch got {
	case triYes:
		out.Result = policy.Pass
	case triNo:
		out.Result = policy.Fail
	default:
		out.Result = policy.NotApplied
	}
	out.Diagnosis = r.diagnose(c, v, vals, got)
	// An aud requested for another provider, or for none (GitHub's
	// default, the owner's URL), is the workflow's mistake: allowing it
	// would let in tokens minted for someone else.
	out.TokenSide = got == triNo && c.claim == "aud" && s.effect == "Allow" && v.broken == "" &&
		policy.NotMeantFor(policy.AWS, r.tok, v.values)
	if s.effect == "Deny" {
		switch got {
		case triYes:
			out.Diagnosis = append(out.Diagnosis, "this condition of a Deny statement holds: if all of them hold, the Deny overrides every Allow")
		case triNo:
			out.Diagnosis = append(out.Diagnosis, "this is a Deny statement: the condition failing means the Deny does not apply, which is good for this token")
		}
	}
	return out, got == triMaybe
}

func first(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], "…")
	}
	return s
}
