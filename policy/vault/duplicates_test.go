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
	tests := []struct {
		name string
		role string
		want policy.Verdict
	}{
		{"bound claim, last matches", jwtRole(`"bound_claims":{"repository_id":"1","repository_id":"74"}`), policy.Allow},
		{"bound claim, last differs", jwtRole(`"bound_claims":{"repository_id":"74","repository_id":"1"}`), policy.Deny},
		{"role field, last is jwt", `{"role_type":"oidc","role_type":"jwt","user_claim":"repository","bound_audiences":["sts.amazonaws.com"]}`, policy.Allow},
		{"role field, last is oidc", `{"role_type":"jwt","role_type":"oidc","allowed_redirect_uris":["https://x"],"user_claim":"repository","bound_audiences":["sts.amazonaws.com"]}`, policy.Deny},
		{"claim mapping, last target", jwtRole(`"claim_mappings":{"run_id":"role","run_id":"run"}`), policy.Allow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := parseOne(t, tt.role).Evaluate(tokenWith(t, nil))
			if res.Verdict != tt.want {
				t.Fatalf("%s: verdict %s, want %s (%s%s)", tt.role, res.Verdict, tt.want, res.Summary, res.Error)
			}
			if !policytest.HasRule(res.Lint, RuleDuplicateKey) {
				t.Errorf("%s: no %s warning: %+v", tt.role, RuleDuplicateKey, res.Lint)
			}
		})
	}
}
