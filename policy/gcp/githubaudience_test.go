package gcp

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestOtherAudiencesAreTokenSide: a token requested for AWS, or with
// GitHub's default audience (google-github-actions/auth requests the
// provider's own), fails the audience check on the workflow's side.
func TestOtherAudiencesAreTokenSide(t *testing.T) {
	pol := parseOne(t, providerDoc(`"attributeMapping": {"google.subject": "assertion.sub"}`))
	for _, aud := range []string{"sts.amazonaws.com", "https://github.com/octo-org"} {
		r := pol.Evaluate(with(t, "push-main", map[string]any{"aud": aud}))
		if c := policytest.ConditionOn(t, r, "aud"); c.Result != policy.Fail || !c.TokenSide {
			t.Errorf("aud %s: %s, token side %v", aud, c.Result, c.TokenSide)
		}
	}
}
