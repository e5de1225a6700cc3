package octosts

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// stage is when octo-sts refuses a token regardless of the trust policy.
type stage int

const (
	// beforePolicy: the exchange refuses it before reading any trust
	// policy (octo-sts/app @cb87fc17 pkg/octosts/octosts.go Exchange:
	// ExtractIssuer, IsValidIssuer, go-oidc's Verify), so even a policy
	// that does not compile is never reached.
	beforePolicy stage = iota
	// inCheckToken: TrustPolicy.CheckToken refuses it before its tests
	// (trust_policy.go: IsValidIssuer, IsValidSubject, IsValidAudience),
	// after the policy was read and compiled.
	inCheckToken
)

// refusal is one reason octo-sts refuses a token whatever the policy says.
type refusal struct {
	stage    stage
	claim    string
	answer   string // octo-sts's error, as the exchange returns it
	problem  string // what in the token triggers it
	expected string // the rule, in a few words
	actual   string
	absent   bool
}

const (
	ruleIssuer   = "an https URL (http only to localhost), at most 255 characters, with no query, fragment or user information, an ASCII host and a path of letters, digits and - . _ ~ /"
	ruleSubject  = "1 to 255 printable characters with no whitespace and none of " + refusedInSubject
	ruleAudience = "1 to 255 printable characters each, with no whitespace and none of " + refusedInAudience
)

// screen lists, in octo-sts's order, what refuses the token before the
// trust policy's own tests. Each stage of the exchange ends it, so a later
// stage is only looked at when the earlier ones pass.
func screen(tok policy.Token) []refusal {
	iss, issOK, issR := readsAsString(tok, "iss")
	sub, subOK, subR := readsAsString(tok, "sub")
	if !issOK || !subOK {
		return append(issR, subR...)
	}
	issPresent := tok.Count("iss") > 0
	// chainguard.dev/sdk auth.NormalizeIssuer gives the scheme-less Google
	// issuer its https:// for this first check only.
	normalized := iss
	if iss == "accounts.google.com" {
		normalized = "https://" + iss
	}
	if p := issuerProblem(normalized); p != "" {
		if !issPresent {
			p = "the token has no iss claim (read as empty)"
		}
		return []refusal{{stage: beforePolicy, claim: "iss", answer: "invalid issuer format", problem: p, expected: ruleIssuer, actual: iss, absent: !issPresent}}
	}
	auds, audR := goOIDCAudiences(tok)
	if audR != nil {
		return []refusal{*audR}
	}
	var out []refusal
	if p := issuerProblem(iss); p != "" {
		if iss != normalized {
			p = fmt.Sprintf("the issuer %s has no scheme: the exchange's first check reads it as %s (chainguard.dev/sdk auth.NormalizeIssuer), CheckToken's check does not", iss, normalized)
		}
		out = append(out, refusal{stage: inCheckToken, claim: "iss", answer: "invalid issuer in token", problem: p, expected: ruleIssuer, actual: iss})
	}
	if p := subjectProblem(sub); p != "" {
		subPresent := tok.Count("sub") > 0
		if !subPresent {
			p = "the token has no sub claim (read as empty)"
		}
		out = append(out, refusal{stage: inCheckToken, claim: "sub", answer: "invalid subject in token", problem: p, expected: ruleSubject, actual: sub, absent: !subPresent})
	}
	for _, a := range auds {
		if p := audienceProblem(a); p != "" {
			v, _ := last(tok, "aud")
			out = append(out, refusal{stage: inCheckToken, claim: "aud", answer: "invalid audience in token", problem: p, expected: ruleAudience, actual: valueText(v)})
			break // CheckToken stops at the first bad audience
		}
	}
	return out
}

// readsAsString is how chainguard.dev/sdk auth.ExtractIssuerAndSubject
// reads iss and sub with encoding/json into strings: null and absent are
// "", any other type fails the exchange.
func readsAsString(tok policy.Token, claim string) (string, bool, []refusal) {
	s := ""
	for _, v := range occurrences(tok, claim) {
		switch v.Kind {
		case decode.Null:
		case decode.String:
			s = v.Text
		default:
			return "", false, []refusal{{stage: beforePolicy, claim: claim, answer: "invalid bearer token", actual: valueText(v), expected: "a string",
				problem: fmt.Sprintf("the token's %s is %s, not a string: octo-sts reads iss and sub as strings (chainguard.dev/sdk auth.ExtractIssuerAndSubject) before anything else", claim, kindArticle(v.Kind))}}
		}
	}
	return s, true, nil
}

// goOIDCAudiences is the token's aud as go-oidc reads it (goOIDCAudience,
// each copy in turn, the last kept), or the refusal when it cannot.
func goOIDCAudiences(tok policy.Token) ([]string, *refusal) {
	var out []string
	for _, v := range occurrences(tok, "aud") {
		auds, ok := goOIDCAudience(v)
		if !ok {
			return nil, &refusal{stage: beforePolicy, claim: "aud", answer: "unable to verify bearer token", actual: valueText(v), expected: "a string or a list of strings",
				problem: fmt.Sprintf("the token's aud is %s: go-oidc, which octo-sts verifies tokens with, cannot read it as a string or a list of strings, so verification fails", describe(v))}
		}
		out = auds
	}
	return out, nil
}

// condition shows a refusal as a failing condition, octo-sts's answer first.
func (r refusal) condition() policy.Condition {
	where := "octo-sts checks this when the exchange starts, before it reads any trust policy"
	if r.stage == inCheckToken {
		where = "octo-sts checks this in CheckToken, before the policy's issuer, subject, audience and claim_pattern tests"
	}
	d := []string{
		r.answer,
		r.problem,
		where + ": it is octo-sts's own validation of the token (pkg/oidcvalidate and the exchange at octo-sts/app @cb87fc17), not the trust policy, so no policy can accept this token",
	}
	if r.answer != "invalid bearer token" && r.answer != "unable to verify bearer token" {
		d = append(d, "octo-sts releases before v0.5.3 (June 2025) did not validate tokens this way")
	}
	if r.claim == "sub" && strings.HasPrefix(r.actual, "repo:") {
		d = append(d, "GitHub writes the branch, tag or environment name into sub: rename it, or change the repository's OIDC subject template so that sub leaves that part out (claim_pattern can still check ref or environment)")
	}
	return policy.Condition{
		Expression: fmt.Sprintf("(octo-sts token check: %s must be %s)", r.claim, r.expected),
		Claims:     []string{r.claim},
		Expected:   []string{r.expected},
		Actual:     r.actual,
		Absent:     r.absent,
		Result:     policy.Fail,
		Diagnosis:  d,
		Group:      "octo-sts token checks",
	}
}

// refused is the deny summary when a refusal decides the exchange: one
// made before the policy is read always does; one CheckToken makes only
// when the policy compiled (octo-sts reads and compiles it in between).
func (tp *trustPolicy) refused(rs []refusal, conds []policy.Condition) (string, bool) {
	if len(rs) == 0 || rs[0].stage == inCheckToken && len(tp.errs) > 0 {
		return "", false
	}
	r := rs[0]
	s := fmt.Sprintf("octo-sts refuses this token before testing the trust policy: %s (%s)", escape.Quoted(r.answer), r.problem)
	if r.stage == beforePolicy {
		s = fmt.Sprintf("octo-sts refuses this token before reading any trust policy: %s (%s)", escape.Quoted(r.answer), r.problem)
	}
	failed := 0
	for _, c := range conds {
		if c.Result == policy.Fail {
			failed++
		}
	}
	if n := failed - 1; n > 0 {
		s += " (and " + policy.Count(n, "more failing condition") + ")"
	}
	if len(tp.errs) > 0 {
		s += "; this policy does not compile either: " + tp.errs[0]
	}
	return s, true
}
