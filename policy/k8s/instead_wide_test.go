package k8s

import (
	"regexp"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestInsteadNeverWiderThanTheRepository: over every fixture document,
// rules on another owner or enterprise, and every static token, the block
// "Conditions this token satisfies instead" holds no CEL term and no
// requiredValue rule on an owner-scope claim: pasted in place of the
// failing rule, it would let in every repository of the token's owner or
// enterprise.
func TestInsteadNeverWiderThanTheRepository(t *testing.T) {
	var pols []policy.Policy
	for _, glob := range []string{"*.yaml", "*.json"} {
		for _, pol := range policytest.FixturePolicies(t, New(), "k8s", glob) {
			pols = append(pols, pol)
		}
	}
	for _, rule := range []string{
		`- expression: "claims.repository_owner_id == '99'"`,
		`- expression: "claims.repository_owner == 'other-org' && claims.ref == 'refs/heads/main'"`,
		`- expression: "claims.enterprise_id == '999' && claims.repository_id == '74'"`,
		`- {claim: repository_owner_id, requiredValue: "99"}`,
	} {
		pols = append(pols, parseOne(t, doc("  issuer:\n    url: "+ghIssuer+"\n    audiences: [sts.amazonaws.com]\n  claimValidationRules:\n  "+rule+"\n  claimMappings:\n    username:\n      claim: sub\n      prefix: \"\"\n")))
	}
	owner := regexp.MustCompile(`claims\.(repository_owner(_id)?|enterprise(_id)?)\b|claim: (repository_owner(_id)?|enterprise(_id)?),`)
	policytest.CheckInsteadNeverOwnerScope(t, New(), pols, owner)
}
