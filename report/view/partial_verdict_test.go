package view_test

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/providererrors"
	"github.com/oidcscope/oidcscope/report/view"
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
		{"all pass", providererrors.Partial{Result: policy.Result{Verdict: policy.Allow}, Decided: []policy.Condition{c(policy.Pass)}}, view.PartialFits},
		{"pass and n/a", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Decided: []policy.Condition{c(policy.Pass), c(policy.NotApplied)}}, view.PartialFits},
		{"one fails", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Decided: []policy.Condition{c(policy.Pass), c(policy.Fail)}}, view.PartialDiffers},
		{"one errs", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Decided: []policy.Condition{c(policy.Errored)}}, view.PartialDiffers},
		{"only n/a", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Decided: []policy.Condition{c(policy.NotApplied)}}, view.PartialUndecided},
		{"nothing decided", providererrors.Partial{Result: policy.Result{Verdict: policy.Deny}, Unknown: []policy.Condition{c(policy.Fail)}}, view.PartialUndecided},
		{"policy error", providererrors.Partial{Result: policy.Result{Verdict: policy.Error}}, view.PartialError},
	}
	for _, tc := range cases {
		if got := view.PartialVerdict(tc.p); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}
