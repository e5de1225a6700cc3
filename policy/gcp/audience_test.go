package gcp

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestAudiences: oidc.allowedAudiences, else the provider's canonical name
// in google-github-actions/auth's https: form; push-main requested with the
// hint passes the audience check.
func TestAudiences(t *testing.T) {
	// No allowedAudiences and no resource name: nothing to ask for.
	doc := `{"attributeCondition":"assertion.repository_id == '74'","attributeMapping":{"google.subject":"assertion.sub"},"oidc":{"issuerUri":"` + ghIssuer + `"}}`
	if got := policy.Audiences(policytest.ParseOne(t, New(), "x.json", doc)); got != nil {
		t.Errorf("a provider without a name: Audiences() = %q, want none", got)
	}
	fx := policytest.FixturePolicies(t, New(), "gcp", "*.*son")
	for source, want := range map[string][]string{
		"octo-repo-main.json":     {"sts.amazonaws.com"},
		"octo-repo-prod.json":     {"api://AzureADTokenExchange", "sts.amazonaws.com"},
		"reference-hardened.json": {refAud},
	} {
		got := policy.Audiences(fx[source])
		if !slices.Equal(got, want) {
			t.Errorf("%s: Audiences() = %q, want %q", source, got, want)
			continue
		}
		res := fx[source].Evaluate(with(t, "push-main", map[string]any{"aud": got[0]}))
		if c := policytest.ConditionOn(t, res, "aud"); c.Result != policy.Pass {
			t.Errorf("%s: push-main for %q: %s %v", source, got[0], c.Result, c.Diagnosis)
		}
	}
}
