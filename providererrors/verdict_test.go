package providererrors_test

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/providererrors"
)

// A policy against the values a message carries: a condition the policy
// leaves unchecked offline (n/a) is no difference.
func TestPartialVerdict(t *testing.T) {
	c := func(o policy.Outcome) policy.Condition { return policy.Condition{Expression: "x", Result: o} }
	cases := []struct {
		name string
		p    providererrors.Partial
		want string
	}{
		{"all pass", providererrors.Partial{Result: policy.Result{Verdict: policy.Allow}, Decided: []policy.Condition{c(policy.Pass)}}, providererrors.Fits},
		{"pass and n/a", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Decided: []policy.Condition{c(policy.Pass), c(policy.NotApplied)}}, providererrors.Fits},
		{"one fails", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Decided: []policy.Condition{c(policy.Pass), c(policy.Fail)}}, providererrors.Differs},
		{"one errs", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Decided: []policy.Condition{c(policy.Errored)}}, providererrors.Differs},
		{"only n/a", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Decided: []policy.Condition{c(policy.NotApplied)}}, providererrors.Undecided},
		{"nothing decided", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Unknown: []policy.Condition{c(policy.Fail)}}, providererrors.Undecided},
		{"policy error", providererrors.Partial{Result: policy.Result{Verdict: policy.Error}}, providererrors.Error},
	}
	for _, tc := range cases {
		if got := tc.p.Verdict(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}
