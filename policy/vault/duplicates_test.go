package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// Vault's HTTP layer (and `vault write @file.json`) decodes a role with
// Go's encoding/json, which keeps the last of duplicate keys: the role
// Vault stores has the last value, and oidcscope evaluates that one, with
// a lint warning.
func TestDuplicateKeysLastWins(t *testing.T) {
	checkRoleCases(t, []roleCase{
		{"bound claim, last matches", jwtRole(`"bound_claims":{"repository_id":"1","repository_id":"74"}`), nil, policy.Allow, ""},
		{"bound claim, last differs", jwtRole(`"bound_claims":{"repository_id":"74","repository_id":"1"}`), nil, policy.Deny, ""},
		{"role field, last is jwt", `{"role_type":"oidc","role_type":"jwt","user_claim":"repository","bound_audiences":["sts.amazonaws.com"]}`, nil, policy.Allow, ""},
		{"role field, last is oidc", `{"role_type":"jwt","role_type":"oidc","allowed_redirect_uris":["https://x"],"user_claim":"repository","bound_audiences":["sts.amazonaws.com"]}`, nil, policy.Deny, ""},
		{"claim mapping, last target", jwtRole(`"claim_mappings":{"run_id":"role","run_id":"run"}`), nil, policy.Allow, ""},
	}, func(t *testing.T, tc roleCase, res policy.Result) {
		if !policytest.HasRule(res.Lint, RuleDuplicateKey) {
			t.Errorf("%s: no %s warning: %+v", tc.role, RuleDuplicateKey, res.Lint)
		}
	})
}
