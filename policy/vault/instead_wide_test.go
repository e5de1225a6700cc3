package vault

import (
	"regexp"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestInsteadNeverWiderThanTheRepository: over every fixture role, roles
// bound to another owner or enterprise, and every static token, the block
// "Conditions this token satisfies instead" holds no bound_claims entry
// on an owner-scope claim: pasted in place of the failing binding, it
// would let in every repository of the token's owner or enterprise.
func TestInsteadNeverWiderThanTheRepository(t *testing.T) {
	var pols []policy.Policy
	for _, pol := range policytest.FixturePolicies(t, New(), "vault", "*.json") {
		pols = append(pols, pol)
	}
	for _, bound := range []string{
		`"bound_claims":{"repository_owner":"other-org","repository_owner_id":"99"}`,
		`"bound_claims":{"enterprise_id":"999","repository_id":"74"}`,
		`"bound_claims":{"repository_owner":"octo-org","ref":"refs/heads/release"}`,
	} {
		pols = append(pols, parseOne(t, jwtRole(bound)))
	}
	owner := regexp.MustCompile(`"(repository_owner(_id)?|enterprise(_id)?)":`)
	policytest.CheckInsteadNeverOwnerScope(t, New(), pols, owner)
}
