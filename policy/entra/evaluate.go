package entra

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Evaluate tests the credential the way Entra's token exchange does: the
// issuer, then the subject or every expression term, then the audience.
// All must hold; an errored condition makes the verdict Error.
func (c *credential) Evaluate(tok policy.Token) policy.Result {
	r := policy.NewResult(c, c.lint)
	if c.shapeErr != "" {
		r.SetError(c.shapeErr)
		return r
	}
	r.Conditions = append(r.Conditions, c.issuerCondition(tok))
	if c.hasSubject || !c.hasExpr {
		cond, lint := c.subjectCondition(tok)
		r.Conditions = append(r.Conditions, cond)
		r.Lint = append(r.Lint, lint...)
	}
	if c.hasExpr {
		conds, lint := c.expressionConditions(tok)
		r.Conditions = append(r.Conditions, conds...)
		r.Lint = append(r.Lint, lint...)
	}
	r.Conditions = append(r.Conditions, c.audienceCondition(tok))
	c.verdict(&r)
	c.siblingSummary(&r, tok)
	return r
}

// siblingSummary tells, on a deny, that another credential of the same
// app has the token's issuer and subject: Entra's answer is the app's, so
// this credential's deny alone does not refuse the token.
func (c *credential) siblingSummary(r *policy.Result, tok policy.Token) {
	if r.Verdict != policy.Deny || !c.hasSubject {
		return
	}
	iss, _, p1 := claimString(tok, "iss")
	sub, _, p2 := claimString(tok, "sub")
	if p1 != "" || p2 != "" {
		return
	}
	if s, ok := c.siblingWith(iss, sub); ok {
		r.Summary = strings.Replace(r.Summary, " — Entra answers "+noMatchAADSTS, " (this credential on its own)", 1) +
			"; credential " + s.label() + " of the same app has this token's issuer and subject, and Entra accepts a token when any one federated credential of the app matches: it answers " + noMatchAADSTS + " only when none does"
	}
}

// verdict sets Verdict, Summary and Error from the conditions.
func (c *credential) verdict(r *policy.Result) {
	if r.SetErrorFromConditions() {
		return
	}
	var failed []string
	for _, cond := range r.Conditions {
		if cond.Result == policy.Fail {
			failed = append(failed, partName(cond))
		}
	}
	if len(failed) == 0 {
		r.Verdict = policy.Allow
		if c.hasExpr {
			r.Summary = fmt.Sprintf("allowed: the issuer and audience equal the token's and all %d expression terms hold (flexible credential, preview)", len(c.expr.Terms))
		} else {
			r.Summary = "allowed: issuer, subject and audience equal the token's exactly"
		}
		return
	}
	r.Verdict = policy.Deny
	verb := "does not match"
	if len(failed) > 1 {
		verb = "do not match"
	}
	r.Summary = fmt.Sprintf("denied: %s %s — Entra answers %s", joinParts(failed), verb, noMatchAADSTS)
	for _, f := range r.Lint {
		if f.Rule == RuleSubjectCase {
			r.Summary += "; the subject differs only in case: AADSTS7002138"
		}
	}
	for _, cond := range r.Conditions {
		if cond.Result == policy.Fail && slices.Contains(cond.Claims, "aud") && !cond.Absent && len(cond.Expected) == 1 {
			r.Summary += fmt.Sprintf("; the token's aud is %s, the credential expects %s", escape.Quoted(policy.Shorten(cond.Actual, 80)), escape.Quoted(policy.Shorten(cond.Expected[0], 80)))
		}
	}
}

func partName(cond policy.Condition) string {
	switch {
	case cond.Group == exprGroup:
		return "the term " + policy.Shorten(cond.Expression, 80)
	case slices.Contains(cond.Claims, "iss"):
		return "the issuer"
	case slices.Contains(cond.Claims, "aud"):
		return "the audience"
	}
	return "the subject"
}

func joinParts(p []string) string {
	if len(p) <= 1 {
		return strings.Join(p, "")
	}
	return strings.Join(p[:len(p)-1], ", ") + " and " + p[len(p)-1]
}

const exprGroup = "claimsMatchingExpression"

func errored(cond policy.Condition, diag ...string) policy.Condition {
	cond.Result, cond.Diagnosis = policy.Errored, diag
	return cond
}

func failed(cond policy.Condition, diag ...string) policy.Condition {
	cond.Result, cond.Diagnosis = policy.Fail, diag
	return cond
}

// member renders a field the way the document writes it.
func member(key string, v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return key
	}
	return fmt.Sprintf("%q: %s", key, strings.TrimSuffix(buf.String(), "\n"))
}
