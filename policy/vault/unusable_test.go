package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// Under bound_claims_type "string" Vault stores a bound value that is null
// or an object (path_role.go checks values only for globs), then refuses
// every login with the role: validateBoundClaims (claims.go:128-131)
// cannot normalise it. The role is stored and usable by nobody: Deny, not
// Error, whichever check fails first.
func TestUnusableBoundValueDeniesEveryLogin(t *testing.T) {
	checkRoleCases(t, []roleCase{
		{"null bound value", boundClaims(`{"repository_owner_id":null}`), nil, policy.Deny, "bound claim is not a string, bool, int or list: <nil>"},
		{"object bound value", boundClaims(`{"ref":{"b":1,"a":"x"}}`), nil, policy.Deny, "bound claim is not a string, bool, int or list: map[a:x b:1]"},
		{"empty object bound value", boundClaims(`{"ref":{}}`), nil, policy.Deny, "bound claim is not a string, bool, int or list: map[]"},
		{"null bound value, claim missing", boundClaims(`{"environment":null}`), nil, policy.Deny, `claim "environment" is missing`},
	}, diagnosedIn(policytest.Failing))
}
