package aws

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// diagnose explains a condition's outcome: how its key was resolved, and
// for a failure why it failed, with the shared diagnoses (policy.Mismatch,
// PatternMismatch, Absent, WildcardInEquality) so every provider reads
// alike.
func (r *request) diagnose(c *condition, v value, pass bool) []string {
	out := append([]string(nil), v.notes...)
	if v.hypo != nil {
		if v.hypo.present {
			verdict := "fail"
			if c.test(*v.hypo) {
				verdict = "pass"
			}
			out = append(out, fmt.Sprintf("if AWS does read %s, the condition would %s (the token's %s is %s)", c.claim, verdict, c.claim, v.hypo.actual))
		} else {
			out = append(out, policy.Absent(c.claim))
		}
	}
	if pass {
		return out
	}
	if v.broken != "" {
		return append(out, v.broken)
	}
	actual := ""
	if len(v.values) > 0 {
		actual = v.values[0]
	}
	expected := sameForm(c.claim, c.values, actual)
	switch {
	case c.base == opNull:
		if c.boolVal {
			out = append(out, fmt.Sprintf("Null true requires %s to be absent from the request, but it is there (%s)", c.key, v.actual))
		} else {
			if len(v.notes) == 0 {
				out = append(out, policy.Absent(c.claim))
			}
			out = append(out, fmt.Sprintf("Null false requires %s to be present in the request", c.key))
		}
		return out
	case !v.present:
		if len(v.notes) == 0 {
			out = append(out, policy.Absent(c.claim))
		}
		if c.set == setAny {
			out = append(out, "ForAnyValue: on a key missing from the request is false")
		} else {
			out = append(out, fmt.Sprintf("%s on a key missing from the request is false in AWS (only negated operators, …IfExists, ForAllValues: and Null true pass)", c.op))
		}
		return out
	case c.negated():
		for _, x := range v.values {
			if m := c.matching(x); m != "" {
				out = append(out, fmt.Sprintf("the token's %s is %s, which %s excludes (it matches %s)", c.claim, quote(x), c.op, m))
				break
			}
		}
	case c.like():
		out = append(out, policy.PatternMismatch(policy.AWS, c.claim, expected, actual, policy.WildcardPrefix)...)
		if want := policy.DefaultAudience[policy.AWS]; c.claim == "aud" && actual != want {
			out = append(out, fmt.Sprintf("AWS expects aud %q by default; request the token with that audience", want))
		}
		for _, p := range c.values {
			if r.wild.Afford(wildcardCost([]string{p}, []string{actual})) && policy.MatchWildcard(strings.ToLower(p), strings.ToLower(actual)) {
				out = append(out, fmt.Sprintf("the pattern %s matches only if case is ignored: StringLike is case-sensitive, and AWS has no case-insensitive StringLike", quote(p)))
				break
			}
		}
	case c.equality() || c.base == opBool:
		if w := policy.WildcardInEquality(c.op, c.values); w != "" {
			msg := w + ": use StringLike for a pattern"
			for _, p := range c.values {
				if r.wild.Afford(wildcardCost([]string{p}, []string{actual})) && policy.MatchWildcard(p, actual) {
					msg += fmt.Sprintf(" (as StringLike, %s would match this token)", quote(p))
					break
				}
			}
			out = append(out, msg)
		}
		out = append(out, policy.Mismatch(policy.AWS, c.claim, expected, actual, c.base == opStringEquals)...)
	}
	if c.set == setAll {
		out = append(out, "ForAllValues: needs every value of the key to match one of the condition's values")
	}
	if v.multi {
		out = append(out, fmt.Sprintf("the token's %s is an array %s: oidcscope treats it as AWS treats a multivalued aud, passing a single-valued operator when any element matches (a negated one when none does)", c.claim, v.actual))
	}
	return out
}

// sameForm narrows a sub condition's values to those in the token's repo
// form (legacy or immutable) when the policy trusts both: the shared
// diagnosis would otherwise advise trusting both forms to a policy that
// already does, and align the token against a value of the other form.
func sameForm(claim string, values []string, actual string) []string {
	if claim != "sub" || len(values) < 2 {
		return values
	}
	form := func(s string) bool {
		seg, _, _ := strings.Cut(strings.TrimPrefix(s, "repo:"), ":")
		return isImmutableSegment(seg)
	}
	var same, other []string
	for _, v := range values {
		if form(v) == form(actual) {
			same = append(same, v)
		} else {
			other = append(other, v)
		}
	}
	if len(same) == 0 || len(other) == 0 {
		return values
	}
	return same
}
