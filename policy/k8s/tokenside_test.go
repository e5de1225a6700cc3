package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestAudienceForAnotherProviderIsTokenSide: over every fixture document,
// one whose audience the tokens miss, and every static token requested
// with another provider's default audience or with GitHub's default (the
// owner's URL: the workflow asked for none, and Kubernetes has no default
// a GitHub login step requests), the failing issuer.audiences condition
// is the token's side and the block "Conditions this token satisfies
// instead" offers no audiences line: pasted, the cluster would accept
// tokens minted for someone else.
func TestAudienceForAnotherProviderIsTokenSide(t *testing.T) {
	var pols []policy.Policy
	for _, glob := range []string{"*.yaml", "*.json"} {
		for _, pol := range policytest.FixturePolicies(t, New(), "k8s", glob) {
			pols = append(pols, pol)
		}
	}
	pols = append(pols, parseOne(t, doc("  issuer:\n    url: "+ghIssuer+"\n    audiences: [\"https://k8s.example.com\"]\n  claimMappings:\n    username:\n      claim: sub\n      prefix: \"\"\n")))
	policytest.CheckAudienceTokenSide(t, New(), pols, "audiences:", false)
}
