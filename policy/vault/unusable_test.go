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
	tests := []struct {
		name  string
		bound string
		tok   map[string]string
		diag  string
	}{
		{"null bound value", `{"repository_owner_id":null}`, nil, "bound claim is not a string, bool, int or list: <nil>"},
		{"object bound value", `{"ref":{"b":1,"a":"x"}}`, nil, "bound claim is not a string, bool, int or list: map[a:x b:1]"},
		{"empty object bound value", `{"ref":{}}`, nil, "bound claim is not a string, bool, int or list: map[]"},
		{"null bound value, claim missing", `{"environment":null}`, nil, `claim \"environment\" is missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := parseOne(t, jwtRole(`"bound_claims":`+tt.bound)).Evaluate(tokenWith(t, tt.tok))
			if res.Verdict != policy.Deny {
				t.Fatalf("verdict %s, want deny (%s %s)", res.Verdict, res.Summary, res.Error)
			}
			found := false
			for _, c := range policytest.Failing(res) {
				if policytest.HasDiagnosis(c, tt.diag) {
					found = true
				}
			}
			if !found {
				t.Errorf("no failing condition mentions %q: %+v", tt.diag, policytest.Failing(res))
			}
		})
	}
}
