package aws

import (
	"os"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestDeniedBy: the Deny statement whose conditions all hold is named, so
// a report can show its conditions as the reason for the deny rather
// than as passes; a deny for a failing Allow names none.
func TestDeniedBy(t *testing.T) {
	doc, err := os.ReadFile("../../fixtures/policies/aws/trust-deny-pull-requests.json")
	if err != nil {
		t.Fatal(err)
	}
	pol := parseOne(t, string(doc))
	tests := []struct {
		token string
		want  string
	}{
		{"pull-request", `Statement[1] Deny (Sid "NoPullRequests")`},
		{"push-main", ""},  // allowed
		{"other-repo", ""}, // denied: the Allow statement fails
	}
	for _, tt := range tests {
		t.Run(tt.token, func(t *testing.T) {
			res := pol.Evaluate(policytest.FixtureToken(t, tt.token))
			if got := DeniedBy(res); got != tt.want {
				t.Errorf("DeniedBy = %q, want %q (%s: %s)", got, tt.want, res.Verdict, res.Summary)
			}
		})
	}
	if got := DeniedBy(policy.Result{Provider: policy.AWS, Verdict: policy.Deny, Summary: "denied by Statement[0] Deny: …"}); got != "" {
		t.Errorf("a summary naming no condition's group: DeniedBy = %q", got)
	}
}
