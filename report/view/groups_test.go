package view_test

import (
	"os"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/report/view"
)

// A policy's conditions come in the groups its result gives (AWS
// statements), each under its heading, in order; the conditions of the
// Deny statement that decided read as the reason for the deny, not as
// passes; conditions without a group make one group without heading.
func TestPolicyGroups(t *testing.T) {
	doc, err := os.ReadFile("../../fixtures/policies/aws/trust-deny-pull-requests.json")
	if err != nil {
		t.Fatal(err)
	}
	pol := policytest.ParseOne(t, aws.New(), "trust-deny-pull-requests.json", string(doc))
	tests := []struct {
		name string
		res  policy.Result
		want []string // per group: heading, denies, marks of its conditions
	}{
		{"deny overrides allow", pol.Evaluate(policytest.FixtureToken(t, "pull-request")), []string{
			`Statement[0] Allow (Sid "AnyRunOfOctoRepo") false ✓ ✓ ✓`,
			`Statement[1] Deny (Sid "NoPullRequests") true ✗ ✗ ✗`,
		}},
		{"allowed: the Deny does not apply", pol.Evaluate(policytest.FixtureToken(t, "push-main")), []string{
			`Statement[0] Allow (Sid "AnyRunOfOctoRepo") false ✓ ✓ ✓`,
			`Statement[1] Deny (Sid "NoPullRequests") false ✓ ✓ ✗`,
		}},
		{"a group its expressions already name", policy.Result{Provider: "nuget", Verdict: policy.Allow, Conditions: []policy.Condition{
			{Expression: "a", Result: policy.Pass}, {Expression: "not checked offline: b", Group: "not checked offline", Result: policy.NotApplied},
			{Expression: "c", Result: policy.Pass}}}, []string{
			` false ✓ - ✓`,
		}},
		{"no groups", policy.Result{Provider: policy.K8s, Verdict: policy.Deny, Conditions: []policy.Condition{
			{Expression: "a", Result: policy.Pass}, {Expression: "b", Result: policy.Fail}}}, []string{
			` false ✓ ✗`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := view.PolicyOf(&inspect.Report{}, tt.res)
			var got []string
			for _, g := range p.Groups() {
				line := []string{g.Heading, map[bool]string{true: "true", false: "false"}[g.Denies]}
				for _, c := range g.Conditions {
					line = append(line, c.Mark.Symbol)
					if g.Denies && (!c.Detailed() || c.Mark.Tone == view.TonePass) {
						t.Errorf("%q in the deciding Deny reads as a pass: %+v", c.Expression, c)
					}
				}
				got = append(got, strings.Join(line, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
