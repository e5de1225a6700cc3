package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestAudienceForAnotherProviderIsTokenSide: over every fixture role,
// roles binding an audience the tokens miss or none, and every static
// token requested with another provider's default audience, the failing
// bound_audiences condition is the token's side and the block "Conditions
// this token satisfies instead" offers no bound_audiences: pasted, the
// role would accept tokens minted for that provider. GitHub's default
// audience (the owner's URL) is not another provider's for Vault, whose
// docs bind it: there the block still offers it.
func TestAudienceForAnotherProviderIsTokenSide(t *testing.T) {
	var pols []policy.Policy
	for _, pol := range policytest.FixturePolicies(t, New(), "vault", "*.json") {
		pols = append(pols, pol)
	}
	pols = append(pols,
		parseOne(t, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["https://vault.example.com"]}`),
		parseOne(t, `{"role_type":"jwt","user_claim":"repository","bound_claims":{"repository_id":"74"}}`))
	policytest.CheckAudienceTokenSide(t, New(), pols, "bound_audiences", true)
}
