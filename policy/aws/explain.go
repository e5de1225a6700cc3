package aws

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// diagnose explains a condition's outcome: how its key was resolved, what
// its variables became, and for a failure why it failed, with the shared
// diagnoses (policy.Mismatch, PatternMismatch, Absent, WildcardInEquality)
// so every provider reads alike.
func (r *request) diagnose(c *condition, v value, vals []resolvedValue, got tri) []string {
	out := append([]string(nil), v.notes...)
	out = append(out, substitutionNotes(c, vals)...)
	if v.hypo != nil {
		if v.hypo.present {
			verdict := "fail"
			if c.test(*v.hypo, vals) == triYes {
				verdict = "pass"
			}
			out = append(out, fmt.Sprintf("if AWS does read %s for this issuer, the condition would %s (the token's %s is %s)", c.claim, verdict, c.claim, v.hypo.actual))
		} else {
			out = append(out, policy.Absent(c.claim))
		}
	}
	if got == triMaybe {
		return append(out, "whether this condition holds depends on AWS request context that the token does not hold: oidcscope treats it as holding")
	}
	if note := c.foldNote(v, vals, got); note != "" {
		out = append(out, note)
	}
	if v.broken == "" && v.present && v.multi && c.set == setNone && c.base != opNull {
		out = append(out, c.multiNote(v, vals))
	}
	if got == triYes {
		return out
	}
	if v.broken != "" {
		return append(out, v.broken)
	}
	actual := ""
	if len(v.values) > 0 {
		actual = v.values[0]
	}
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
		switch {
		case c.set == setAny && c.ifExist:
			out = append(out, "ForAnyValue:…IfExists on a key missing from the request: AWS documents ForAnyValue: as false \"if the key does not exist\" and …IfExists as true when \"the key is not present\", not which wins; oidcscope answers false, as AWS's simulator library does and as a 2025 write-up reports IAM does (it resolves ForAnyValue: before …IfExists); if IfExists won, the condition would pass")
		case c.set == setAny:
			out = append(out, "ForAnyValue: on a key missing from the request is false")
		default:
			out = append(out, fmt.Sprintf("%s on a key missing from the request is false in AWS (only negated operators, …IfExists, ForAllValues: and Null true pass)", c.op))
		}
		return out
	case v.multi && c.set == setNone:
		return out // multiNote said why
	}
	expected, prefixes := expectedValues(c, vals)
	expected = sameForm(c.claim, expected, actual)
	switch {
	case c.negated():
		for _, x := range v.values {
			if m := c.matching(x, vals); m != "" {
				out = append(out, fmt.Sprintf("the token's %s is %s, which %s excludes (it matches %s)", c.claim, escape.Quoted(x), c.op, m))
				break
			}
		}
	case len(expected) == 0:
		// Every value has a variable with no value: substitutionNotes said so.
	case c.like():
		out = append(out, policy.PatternMismatch(policy.AWS, c.claim, expected, actual, prefixes)...)
		if want := policy.InfoOf(policy.AWS).Audience; c.claim == "aud" && actual != want {
			out = append(out, fmt.Sprintf("AWS expects aud %q by default; request the token with that audience", want))
		}
		for i := range vals {
			if vals[i].state != varValue {
				continue
			}
			low := vals[i].pat.lower()
			if r.wild.Afford(wildcardCost([]resolvedValue{{pat: low}}, []string{actual})) && low.match(strings.ToLower(actual)) {
				out = append(out, fmt.Sprintf("the pattern %s matches only if case is ignored: StringLike is case-sensitive, and AWS has no case-insensitive StringLike", escape.Quoted(vals[i].pat.display())))
				break
			}
		}
	case c.equality() || c.base == opBool:
		if msg := c.wildcardSlip(actual, r.wild); msg != "" {
			out = append(out, msg)
		}
		out = append(out, policy.Mismatch(policy.AWS, c.claim, expected, actual, c.base == opStringEquals)...)
	}
	if c.set == setAll {
		out = append(out, "ForAllValues: needs every value of the key to match one of the condition's values")
	}
	return out
}

// expectedValues are the values a request value was compared with, as a
// reader should see them (shownValues), and a function giving a pattern's
// literal prefix for policy.PatternMismatch.
func expectedValues(c *condition, vals []resolvedValue) ([]string, func(string) string) {
	out := c.shown
	if c.static == nil {
		out = shownValues(vals, c.like())
	}
	prefix := func(d string) string {
		for i := range vals {
			if vals[i].state == varValue && vals[i].pat.display() == d {
				return vals[i].pat.prefix()
			}
		}
		return d
	}
	return out, prefix
}

// shownValues are the values that have a value after substitution as a
// reader should see them: a pattern with its literal * and ? as ${*} and
// ${?}, other values as the text compared.
func shownValues(vals []resolvedValue, like bool) []string {
	out := make([]string, 0, len(vals))
	for i := range vals {
		if vals[i].state != varValue {
			continue
		}
		if like {
			out = append(out, vals[i].pat.display())
		} else {
			out = append(out, vals[i].pat.text)
		}
	}
	return out
}

// substitutionNotes show what each value with variables became.
func substitutionNotes(c *condition, vals []resolvedValue) []string {
	var out []string
	literal := false
	for i := range c.vals {
		literal = literal || c.vals[i].literalVars
		if c.vals[i].hasVar && vals[i].why != "" {
			out = append(out, vals[i].why)
		}
	}
	if literal {
		out = append(out, "the document's Version is not \"2012-10-17\", so IAM reads ${…} in its values as literal text, not as policy variables (AWS docs, \"IAM policy elements: Variables and tags\")")
	}
	return out
}

// wildcardSlip flags a * or ? written bare under an operator that compares
// literally (${*} and ${?} are the way to mean the characters), and says
// whether the value would match as a StringLike pattern.
func (c *condition) wildcardSlip(actual string, meter *policy.WildcardMeter) string {
	w := policy.WildcardInEquality(c.op, c.bareWildValues())
	if w == "" {
		return ""
	}
	msg := w + ": use StringLike for a pattern"
	for i := range c.vals {
		p := c.values[i]
		if !c.vals[i].bareWild || c.vals[i].hasVar || c.vals[i].escaped {
			continue
		}
		if meter.Afford(policy.WildcardCost(p, actual)) && policy.MatchWildcard(p, actual) {
			msg += fmt.Sprintf(" (as StringLike, %s would match this token)", escape.Quoted(p))
			break
		}
	}
	return msg
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
