package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// A role Vault's role endpoint refuses to store (path_role.go
// pathRoleCreateUpdate, v0.26.1) can never take a login: its verdict is
// Error, carrying Vault's own message, the first one Vault would give.
// Roles it stores but refuses logins to are Deny.
func TestRolesVaultRefusesToStore(t *testing.T) {
	const jwtUser = `"role_type":"jwt","user_claim":"repository"`
	checkRoleCases(t, []roleCase{
		{"no bound constraint at all", `{` + jwtUser + `}`, nil, policy.Error, "must have at least one bound constraint when creating/updating a role"},
		{"only empty bound constraints", `{` + jwtUser + `,"bound_audiences":[],"bound_subject":"","bound_claims":{}}`, nil, policy.Error, "must have at least one bound constraint when creating/updating a role"},
		{"bound_audiences as an empty string binds nothing", `{` + jwtUser + `,"bound_audiences":""}`, nil, policy.Error, "must have at least one bound constraint when creating/updating a role"},
		{"token_bound_cidrs alone is a bound constraint", `{` + jwtUser + `,"token_bound_cidrs":["10.0.0.0/8"]}`, nil, policy.Deny, ""},
		{"no role_type and no allowed_redirect_uris", `{"user_claim":"repository","bound_audiences":["sts.amazonaws.com"]}`, nil, policy.Error, "'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified."},
		{"empty role_type is oidc", `{"role_type":"","user_claim":"repository","bound_audiences":["sts.amazonaws.com"]}`, nil, policy.Error, "'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified."},
		{"null role_type is oidc", `{"role_type":null,"user_claim":"repository","bound_audiences":["sts.amazonaws.com"]}`, nil, policy.Error, "'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified."},
		{"oidc role without redirect URIs", `{"role_type":"oidc","user_claim":"repository"}`, nil, policy.Error, "'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified."},
		{"oidc role with redirect URIs is stored, login refused", `{"user_claim":"repository","allowed_redirect_uris":["https://x"]}`, nil, policy.Deny, ""},
		{"empty bound_claims_type", `{` + jwtUser + `,"bound_audiences":["sts.amazonaws.com"],"bound_claims_type":""}`, nil, policy.Error, "invalid 'bound_claims_type': "},
		{"null bound_claims_type", `{` + jwtUser + `,"bound_audiences":["sts.amazonaws.com"],"bound_claims_type":null}`, nil, policy.Error, "invalid 'bound_claims_type': "},
		{"role_type before user_claim", `{"role_type":"saml","bound_audiences":["x"]}`, nil, policy.Error, "invalid 'role_type': saml"},
		{"role_type is case-sensitive", `{"role_type":"JWT","user_claim":"repository","bound_audiences":["sts.amazonaws.com"]}`, nil, policy.Error, "invalid 'role_type': JWT"},
		{"bound_claims_type before user_claim", `{"role_type":"jwt","bound_claims_type":"regex","bound_audiences":["x"]}`, nil, policy.Error, "invalid 'bound_claims_type': regex"},
		{"glob bound number", `{` + jwtUser + `,"bound_claims_type":"glob","bound_claims":{"n":100}}`, nil, policy.Error, "claim is not a string: 100"},
		{"glob bound boolean", `{` + jwtUser + `,"bound_claims_type":"glob","bound_claims":{"n":true}}`, nil, policy.Error, "claim is not a string: true"},
		{"glob bound nested list", `{` + jwtUser + `,"bound_claims_type":"glob","bound_claims":{"n":[["x","y"]]}}`, nil, policy.Error, "claim is not a string: [x y]"},
		{"glob bound null", `{` + jwtUser + `,"bound_claims_type":"glob","bound_claims":{"n":null}}`, nil, policy.Error, "claim is not a string or list: <nil>"},
		{"glob bound object", `{` + jwtUser + `,"bound_claims_type":"glob","bound_claims":{"n":{"b":1,"a":"x"}}}`, nil, policy.Error, "claim is not a string or list: map[a:x b:1]"},
		{"reserved metadata key", `{` + jwtUser + `,"bound_audiences":["x"],"claim_mappings":{"run_id":"role"}}`, nil, policy.Error, `metadata key "role" is reserved and may not be a mapping destination`},
		{"two claims to one metadata key", `{` + jwtUser + `,"bound_audiences":["x"],"claim_mappings":{"run_id":"x","ref":"x"}}`, nil, policy.Error, `multiple keys are mapped to metadata key "x"`},
		{"mappings before user_claim", `{"role_type":"jwt","bound_audiences":["x"],"claim_mappings":{"run_id":"role"}}`, nil, policy.Error, `metadata key "role" is reserved`},
		{"no user_claim", `{"role_type":"jwt","bound_audiences":["x"]}`, nil, policy.Error, "a user claim must be defined on the role"},
		{"user_claim before redirect URIs", `{"bound_audiences":["x"]}`, nil, policy.Error, "a user claim must be defined on the role"},
		{"bound_claims not a map", `{` + jwtUser + `,"bound_claims":"ref=refs/heads/main"}`, nil, policy.Error, `Field validation failed: error converting input for field "bound_claims": '' expected a map, got 'string'`},
		{"bound_claims a boolean", `{` + jwtUser + `,"bound_claims":true}`, nil, policy.Error, `Field validation failed: error converting input for field "bound_claims": '' expected a map, got 'bool'`},
		{"user_claim a list", `{"role_type":"jwt","user_claim":["sub"],"bound_audiences":["x"]}`, nil, policy.Error, `Field validation failed: error converting input for field "user_claim": '' expected type 'string', got unconvertible type '[]interface {}', value: '[sub]'`},
	}, erroredWith)
}
