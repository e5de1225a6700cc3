package publisher

import (
	"fmt"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Check is one test a registry makes, built up by a registry's Check
// function and turned into a policy.Condition.
type Check struct {
	Expression string   // what the publisher (or the registry) requires, in words
	Claims     []string // the claims it reads
	Expected   []string
	Actual     string
	Absent     bool
	// Answer is the registry's own error text for this failure, verbatim
	// (RubyGems: what its 404 hides).
	Answer string
	Notes  []string // why, and the difference
}

// Pass is the condition passing.
func (c Check) Pass() policy.Condition { return c.condition(policy.Pass, nil) }

// Fail is the condition failing: the registry's answer first, then the
// notes.
func (c Check) Fail() policy.Condition {
	return c.condition(policy.Fail, append([]string{c.Answer}, c.Notes...))
}

// Decide passes when ok, else fails.
func (c Check) Decide(ok bool) policy.Condition {
	if ok {
		return c.Pass()
	}
	return c.Fail()
}

func (c Check) condition(r policy.Outcome, diag []string) policy.Condition {
	return policy.Condition{Expression: c.Expression, Claims: nonNil(c.Claims), Expected: nonNil(c.Expected),
		Actual: c.Actual, Absent: c.Absent, Result: r, Diagnosis: diag}
}

// NotChecked is a visible line for what the registry checks and an
// offline check cannot know: it neither passes nor fails the token.
func NotChecked(what string, claims []string, why string) policy.Condition {
	c := Unchecked("not checked offline: "+what, claims, why)
	c.Group = GroupOffline
	return c
}

// Unchecked is a line that neither passes nor fails the token, saying
// why: NotChecked's lines, and what the registry itself never checks
// (expression names the claims it ignores).
func Unchecked(expression string, claims []string, why string) policy.Condition {
	return policy.Condition{Expression: expression, Claims: nonNil(claims), Expected: []string{},
		Result: policy.NotApplied, Diagnosis: []string{why}}
}

// GroupOffline is the group of the not-checked-offline lines.
const GroupOffline = "not checked offline"

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ReadClaim fills c's Actual and Absent from a string claim; ok is false
// (and c carries the reason) when the claim is not one string.
func ReadClaim(tok policy.Token, claim string, c *Check) (string, bool) {
	v, st := ReadString(tok, claim)
	c.Actual = v
	if st == ClaimString {
		return v, true
	}
	c.Absent = st == ClaimAbsent
	c.Notes = append([]string{stateProblem(claim, st)}, c.Notes...)
	return v, false
}

// Differ explains a failed comparison under rule: a case-only difference
// and the aligned first difference.
func Differ(registry, what string, rule CaseRule, expected, actual string) []string {
	var out []string
	if rule == CaseSensitive && CaseInsensitive.Same(expected, actual) {
		out = append(out, fmt.Sprintf("differs only in case: %s compares %s case-sensitively", registry, what))
	}
	return append(out, policy.AlignNamed(expected, actual)...)
}

// AudienceCheck is the check every registry here makes of aud: exactly
// one string, equal to want. A list, even of one element, fails: PyPI
// verifies with strict_aud, crates.io deserialises aud as one string,
// RubyGems compares the claim with == to a string.
func AudienceCheck(tok policy.Token, registry, want, answer string) policy.Condition {
	c := Check{Expression: "aud = " + escape.Quoted(want) + " (one audience)", Claims: []string{"aud"}, Expected: []string{want}, Answer: answer}
	v, st := ReadString(tok, "aud")
	switch st {
	case ClaimString:
		c.Actual = v
		if v == want {
			return c.Pass()
		}
		c.Notes = append(c.Notes, fmt.Sprintf("%s requires aud %s: request the token with that audience (for example `core.getIDToken(%q)`)", registry, escape.Quoted(want), want))
		c.Notes = append(c.Notes, Differ(registry, "aud", CaseSensitive, want, v)...)
	case ClaimNotString:
		c.Actual = claimText(tok, "aud")
		if auds, ok := tok.Strings("aud"); ok && len(auds) > 0 {
			c.Notes = append(c.Notes, fmt.Sprintf("the token's aud is a list (of %d); %s accepts only a token whose aud is the one string %s", len(auds), registry, escape.Quoted(want)))
		} else {
			c.Notes = append(c.Notes, stateProblem("aud", st))
		}
	default:
		c.Absent = st == ClaimAbsent
		c.Notes = append(c.Notes, stateProblem("aud", st))
	}
	return c.Fail()
}
