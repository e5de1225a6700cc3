package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// Vault reads string role fields with mapstructure's weak decoding
// (vault/sdk framework/field_data.go, TypeString): a number is taken as
// its text, a boolean as "1" or "0". A user_claim written 74 names the
// claim "74".
func TestStringFieldsDecodeWeaklyAsVault(t *testing.T) {
	checkRoleCases(t, []roleCase{
		{"user_claim number names the claim \"74\"", jwtRoleWith(`"user_claim":74`), map[string]string{"74": `"x"`}, policy.Allow, ""},
		{"user_claim number, no such claim", jwtRoleWith(`"user_claim":74`), nil, policy.Deny, ""},
		{"user_claim 1.50 keeps its text", jwtRoleWith(`"user_claim":1.50`), map[string]string{"1.50": `"x"`}, policy.Allow, ""},
		{"user_claim true names the claim \"1\"", jwtRoleWith(`"user_claim":true`), map[string]string{"1": `"x"`}, policy.Allow, ""},
		{"bound_subject number is its text", jwtRoleWith(`"user_claim":"repository","bound_subject":42`), map[string]string{"sub": `"42"`}, policy.Allow, ""},
	}, nil)
}

// jwtRoleWith is a jwt role binding push-main's audience with the given
// fields, which may include user_claim.
func jwtRoleWith(fields string) string {
	return `{"role_type":"jwt","bound_audiences":["sts.amazonaws.com"],` + fields + `}`
}
