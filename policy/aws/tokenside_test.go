package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestAudienceForAnotherProviderIsTokenSide: over every fixture policy,
// trust policies pinning the aud key, and every static token requested
// with another provider's default audience or with GitHub's default (the
// owner's URL: the workflow asked for none, where
// aws-actions/configure-aws-credentials requests sts.amazonaws.com), a
// failing Allow condition on aud is the token's side and the block
// "Conditions this token satisfies instead" offers no aud line: pasted,
// the role would accept tokens minted for someone else.
func TestAudienceForAnotherProviderIsTokenSide(t *testing.T) {
	var pols []policy.Policy
	for _, pol := range policytest.FixturePolicies(t, New(), "aws", "*.json") {
		pols = append(pols, pol)
	}
	const key = `"token.actions.githubusercontent.com:`
	for _, cond := range []string{
		`{"StringEquals":{` + key + `aud":"sts.amazonaws.com",` + key + `sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}`,
		`{"StringLike":{` + key + `aud":"sts.*",` + key + `sub":"repo:octo-org/*"}}`,
		`{"StringEquals":{` + key + `aud":["sts.amazonaws.com","my-audience.example"],` + key + `repository_id":"74"}}`,
	} {
		pols = append(pols, parseOne(t, trust(cond)))
	}
	policytest.CheckAudienceTokenSide(t, New(), pols, ":aud", false)
}
