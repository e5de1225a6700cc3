package entra

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestAudienceForAnotherProviderIsTokenSide: over every fixture
// credential, one with a non-standard audience, and every static token
// requested with another provider's default audience or with GitHub's
// default (the owner's URL: the workflow asked for none, where
// Azure/login requests api://AzureADTokenExchange), the failing audiences
// condition is the token's side and the block "Conditions this token
// satisfies instead" offers no audiences line.
func TestAudienceForAnotherProviderIsTokenSide(t *testing.T) {
	var pols []policy.Policy
	for _, pol := range policytest.FixturePolicies(t, New(), "entra", "*.json") {
		pols = append(pols, pol)
	}
	pols = append(pols, parseOne(t, standardFIC(GitHubIssuer, "repo:octo-org/octo-repo:ref:refs/heads/main", `["api://my-app"]`)))
	policytest.CheckAudienceTokenSide(t, New(), pols, `"audiences"`, false)
}
