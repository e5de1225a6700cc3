package policytest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// ParseOne parses a document that must hold exactly one policy.
func ParseOne(t testing.TB, p policy.Provider, source, doc string) policy.Policy {
	t.Helper()
	pols, err := p.Parse(source, []byte(doc))
	if err != nil {
		t.Fatalf("Parse(%s): %v", doc, err)
	}
	if len(pols) != 1 {
		t.Fatalf("Parse(%s): %d policies, want 1", doc, len(pols))
	}
	return pols[0]
}

// CheckResult fails the test unless res keeps the invariants every
// provider's Result keeps, whatever the policy and token: a known verdict,
// an error message exactly with the Error verdict, a summary, non-nil
// lists (JSON [] rather than null), and the provider's id.
func CheckResult(t testing.TB, provider string, res policy.Result) {
	t.Helper()
	switch res.Verdict {
	case policy.Allow, policy.Deny:
		if res.Error != "" {
			t.Errorf("verdict %s with an error %q", res.Verdict, res.Error)
		}
	case policy.Error:
		if res.Error == "" {
			t.Error("error verdict without an error message")
		}
	default:
		t.Errorf("unknown verdict %q", res.Verdict)
	}
	if res.Conditions == nil || res.Lint == nil || res.Summary == "" || res.Provider != provider {
		t.Errorf("incomplete result: %+v", res)
	}
}

// ConditionWith returns the first condition whose expression contains s,
// and fails the test when there is none.
func ConditionWith(t testing.TB, r policy.Result, s string) policy.Condition {
	t.Helper()
	return condition(t, r, fmt.Sprintf("with %q", s), func(c policy.Condition) bool { return strings.Contains(c.Expression, s) })
}

// ConditionOn returns the first condition that reads claim, and fails the
// test when there is none.
func ConditionOn(t testing.TB, r policy.Result, claim string) policy.Condition {
	t.Helper()
	return condition(t, r, "reads "+claim, func(c policy.Condition) bool { return slices.Contains(c.Claims, claim) })
}

func condition(t testing.TB, r policy.Result, what string, match func(policy.Condition) bool) policy.Condition {
	t.Helper()
	i := slices.IndexFunc(r.Conditions, match)
	if i < 0 {
		t.Fatalf("%s: no condition %s; conditions: %+v", r.Name, what, r.Conditions)
		return policy.Condition{}
	}
	return r.Conditions[i]
}

// Failing lists the conditions that did not pass.
func Failing(r policy.Result) []policy.Condition {
	var out []policy.Condition
	for _, c := range r.Conditions {
		if c.Result != policy.Pass {
			out = append(out, c)
		}
	}
	return out
}

// HasDiagnosis reports whether a line of the condition's diagnosis
// contains s.
func HasDiagnosis(c policy.Condition, s string) bool {
	return slices.ContainsFunc(c.Diagnosis, func(d string) bool { return strings.Contains(d, s) })
}

// HasRule reports whether a finding of that rule is among findings.
func HasRule(findings []policy.Finding, rule string) bool {
	return slices.ContainsFunc(findings, func(f policy.Finding) bool { return f.Rule == rule })
}

// HasLine reports whether one of lines contains every part (a diagnosis
// line that names both the claim and the value, say).
func HasLine(lines []string, parts ...string) bool {
	return slices.ContainsFunc(lines, func(l string) bool {
		for _, p := range parts {
			if !strings.Contains(l, p) {
				return false
			}
		}
		return true
	})
}
