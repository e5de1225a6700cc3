package policytest

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

func TestResultLookups(t *testing.T) {
	r := policy.Result{Name: "role", Conditions: []policy.Condition{
		{Expression: `"iss": "https://x"`, Claims: []string{"iss"}, Result: policy.Pass},
		{Expression: `"sub": "repo:o/r:*"`, Claims: []string{"sub"}, Result: policy.Fail, Diagnosis: []string{"first difference at character 3", "expected: repo"}},
		{Expression: `"aud"`, Claims: []string{"aud"}, Result: policy.Errored},
	}, Lint: []policy.Finding{{Rule: "sub-any-ref"}}}
	if c := ConditionWith(t, r, "repo:o/r"); c.Claims[0] != "sub" {
		t.Errorf("ConditionWith found %+v", c)
	}
	if c := ConditionOn(t, r, "aud"); c.Result != policy.Errored {
		t.Errorf("ConditionOn found %+v", c)
	}
	if msg := failure(func(tb testing.TB) { ConditionOn(tb, r, "environment") }); !strings.Contains(msg, "environment") {
		t.Errorf("a missing condition should fail naming the claim: %q", msg)
	}
	if msg := failure(func(tb testing.TB) { ConditionWith(tb, r, "nothing") }); !strings.Contains(msg, "nothing") {
		t.Errorf("a missing condition should fail naming the text: %q", msg)
	}
	if f := Failing(r); len(f) != 2 || f[0].Claims[0] != "sub" || f[1].Claims[0] != "aud" {
		t.Errorf("Failing = %+v, want sub and aud", f)
	}
	if !HasDiagnosis(r.Conditions[1], "character 3") || HasDiagnosis(r.Conditions[1], "character 4") {
		t.Error("HasDiagnosis")
	}
	if !HasRule(r.Lint, "sub-any-ref") || HasRule(r.Lint, "other") || HasRule(nil, "sub-any-ref") {
		t.Error("HasRule")
	}
}

func TestParseOne(t *testing.T) {
	if p := ParseOne(t, lines{}, "f", "one"); p.Source() != "f:one" {
		t.Errorf("ParseOne = %s", p.Source())
	}
	if msg := failure(func(tb testing.TB) { ParseOne(tb, lines{}, "f", "one\ntwo") }); !strings.Contains(msg, "2 policies") {
		t.Errorf("two policies should fail the test: %q", msg)
	}
	if msg := failure(func(tb testing.TB) { ParseOne(tb, lines{}, "f", "") }); !strings.Contains(msg, "empty document") {
		t.Errorf("a parse error should fail the test with it: %q", msg)
	}
}
