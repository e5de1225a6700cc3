package view_test

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/report/view"
)

// A denied policy ends with what its provider answers, so a user can
// match it with the line in their log; where the provider's own result
// already quotes it (Entra's summary, Vault's diagnosis), nothing is
// added, and an allowed policy has none.
func TestPolicyEndsWithTheProvidersAnswer(t *testing.T) {
	cond := func(claim string) policy.Condition {
		return policy.Condition{Expression: claim + " == x", Claims: []string{claim}, Result: policy.Fail}
	}
	cases := []struct {
		name string
		res  policy.Result
		want string
	}{
		{"aws deny", policy.Result{Provider: policy.AWS, Verdict: policy.Deny, Conditions: []policy.Condition{cond("sub")}},
			"Not authorized to perform sts:AssumeRoleWithWebIdentity"},
		{"aws deny on aud", policy.Result{Provider: policy.AWS, Verdict: policy.Deny, Conditions: []policy.Condition{cond("aud")}},
			"Not authorized to perform sts:AssumeRoleWithWebIdentity"},
		{"gcp deny", policy.Result{Provider: policy.GCP, Verdict: policy.Deny, Conditions: []policy.Condition{cond("repository")}},
			"The given credential is rejected by the attribute condition."},
		{"gcp audience", policy.Result{Provider: policy.GCP, Verdict: policy.Deny, Conditions: []policy.Condition{cond("aud")}},
			"The audience in ID Token [<aud>] does not match the expected audience <expected>."},
		{"aws allow", policy.Result{Provider: policy.AWS, Verdict: policy.Allow}, ""},
		{"aws error", policy.Result{Provider: policy.AWS, Verdict: policy.Error, Error: "not a policy"}, ""},
		{"entra deny", policy.Result{Provider: policy.Entra, Verdict: policy.Deny, Summary: `denied — Entra answers AADSTS700213 / AADSTS70021: "No matching federated identity record found for presented assertion"`,
			Conditions: []policy.Condition{cond("sub")}}, ""},
		{"vault deny", policy.Result{Provider: policy.Vault, Verdict: policy.Deny, Conditions: []policy.Condition{cond("sub")}}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := view.PolicyOf(&inspect.Report{}, tc.res)
			if tc.want == "" {
				if p.ProviderAnswer != "" {
					t.Errorf("answer %q, want none", p.ProviderAnswer)
				}
				return
			}
			if !strings.Contains(p.ProviderAnswer, tc.want) {
				t.Errorf("answer %q, want it to quote %q", p.ProviderAnswer, tc.want)
			}
		})
	}
}
