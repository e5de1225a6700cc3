package aws

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestFixturePolicies checks fixtures/policies/aws/README.md row by row:
// which fixture tokens each policy allows (all others are denied), the
// policy's name, and the reason for the denials the README calls out.
func TestFixturePolicies(t *testing.T) {
	tests := []struct {
		source string // the policy's source: file, or file#index in a list
		name   string
		allows []string
		why    map[string]string // token → substring of the deny explanation
		lint   []string
	}{
		{"get-role-deploy-main.json", "arn:aws:iam::111122223333:role/gha-octo-repo-deploy-main",
			[]string{"push-main"},
			map[string]string{"other-repo": "first difference", "environment-prod": `AWS expects aud "sts.amazonaws.com"`, "enterprise": "oidc-provider/token.actions.githubusercontent.com/avocado-corp"}, nil},
		{"get-role-urlencoded.json", "arn:aws:iam::111122223333:role/ci/gha-octo-repo-any-ref",
			[]string{"push-main"},
			map[string]string{"other-repo": "expected: 74"}, []string{RuleSubAnyRef}},
		{"list-roles.json#0", "arn:aws:iam::111122223333:role/gha-legacy-deploy-main",
			[]string{"push-main", "self-hosted"},
			map[string]string{"environment-prod": "in environment form but the policy expects ref form", "immutable-sub": "uses the immutable form", "pull-request": "pull_request form"}, []string{RuleNoAudCondition}},
		{"list-roles.json#1", "arn:aws:iam::111122223333:role/gha-prod-wildcard-typo",
			nil, map[string]string{"push-main": "contains a wildcard, but StringEquals compares literally"}, []string{RuleWildcardInStringEquals}},
		{"list-roles.json#2", "arn:aws:iam::111122223333:role/app-ec2-instance",
			nil, map[string]string{"push-main": "not an OIDC provider"}, nil},
		{"list-roles.json#3", "arn:aws:iam::111122223333:role/gha-octo-org-any-repo",
			[]string{"push-main", "other-repo"}, nil, []string{RuleSubOrgWide}},
		{"list-roles.json#4", "arn:aws:iam::111122223333:role/gha-owner-gate",
			nil, map[string]string{"push-main": "repository_owner is not a key AWS evaluates"}, []string{RuleKeyNotEvaluated, RuleSubAnyRef}},
		{"trust-deny-pull-requests.json", "trust-deny-pull-requests.json",
			[]string{"push-main", "environment-prod", "reusable-workflow", "custom-sub", "self-hosted"},
			map[string]string{"pull-request": "denied by Statement[1] Deny"}, []string{RuleSubAnyRef, RuleNoAudCondition}},
		{"trust-enterprise-slug.json", "trust-enterprise-slug.json",
			[]string{"enterprise"}, map[string]string{"push-main": "token.actions.githubusercontent.com/avocado-corp"}, []string{RuleNoAudCondition}},
		{"trust-environment-prod.json", "trust-environment-prod.json",
			[]string{"environment-prod"}, map[string]string{"push-main": "in ref form but the policy expects environment form"}, []string{RuleNoAudCondition}},
		{"trust-reference-environment-prod.json", "trust-reference-environment-prod.json",
			nil, map[string]string{"environment-prod": `AWS expects aud "sts.amazonaws.com"`, "push-main": "in ref form but the policy expects environment form"}, nil},
	}
	pols := policytest.FixturePolicies(t, New(), "aws", "*.json")
	covered := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			covered[tt.source] = true
			p, ok := pols[tt.source]
			if !ok {
				t.Fatalf("no fixture policy %s", tt.source)
			}
			if p.Name() != tt.name || p.Provider() != policy.AWS {
				t.Errorf("name %q provider %q, want %q aws", p.Name(), p.Provider(), tt.name)
			}
			for _, name := range policytest.FixtureNames() {
				res := p.Evaluate(policytest.FixtureToken(t, name))
				want := policy.Deny
				if slices.Contains(tt.allows, name) {
					want = policy.Allow
				}
				if res.Verdict != want {
					t.Errorf("%s: verdict %s, README says %s (%s)", name, res.Verdict, want, res.Summary)
				}
				if why, ok := tt.why[name]; ok {
					all := res.Summary
					for _, c := range res.Conditions {
						all += "\n" + joined(c.Diagnosis)
					}
					if !strings.Contains(all, why) {
						t.Errorf("%s: the explanation should contain %q:\n%s", name, why, all)
					}
				}
			}
			lint := p.Evaluate(policytest.FixtureToken(t, "push-main")).Lint
			for _, rule := range tt.lint {
				if !policytest.HasRule(lint, rule) {
					t.Errorf("lint should report %s: %+v", rule, lint)
				}
			}
		})
	}
	for src := range pols {
		if !covered[src] {
			t.Errorf("fixture policy %s is not in the README table test", src)
		}
	}
}
