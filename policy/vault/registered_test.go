package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// Vault's JWT library (hashicorp/cap jwt.go:150-158 in v0.12.0) re-encodes
// the claims and decodes them with encoding/json into go-jose's
// jwt.Claims: names match regardless of case (the last key in sorted
// order wins), iss, sub and jti must be strings (or null), aud a string
// or a list of strings, exp, nbf and iat numbers; any other value fails
// the login, whatever the role binds.
func TestVaultJWTLibraryReadsRegisteredClaims(t *testing.T) {
	withIssuer := func(role string) string {
		return `{"config":{"bound_issuer":"https://token.actions.githubusercontent.com"},"roles":{"r":` + role + `}}`
	}
	checkRoleCases(t, []roleCase{
		{"numeric sub, nothing bound to it", jwtRole(""), map[string]string{"sub": `42`}, policy.Deny, "json: cannot unmarshal number into Go struct field Claims.sub of type string"},
		{"list sub", jwtRole(""), map[string]string{"sub": `["a"]`}, policy.Deny, "cannot unmarshal array into Go struct field Claims.sub"},
		{"null sub reads as empty", jwtRole(""), map[string]string{"sub": `null`}, policy.Allow, ""},
		{"numeric Sub beside a string sub", jwtRole(""), map[string]string{"Sub": `7`}, policy.Deny, "Claims.sub of type string"},
		{"numeric jti", jwtRole(""), map[string]string{"jti": `12`}, policy.Deny, "Claims.jti of type string"},
		{"numeric AUD", jwtRole(""), map[string]string{"AUD": `1`}, policy.Deny, "expected string or array value to unmarshal to Audience"},
		{"string exp", jwtRole(""), map[string]string{"Exp": `"1767225900"`}, policy.Deny, "expected number value to unmarshal NumericDate"},
		{"long s folds to s", jwtRole(""), map[string]string{"\u017fub": `7`}, policy.Deny, "Claims.sub of type string"},
		{"ISS stands in for a missing iss", withIssuer(jwtRole("")), map[string]string{"iss": "", "ISS": `"https://token.actions.githubusercontent.com"`}, policy.Allow, ""},
		{"iss sorts after ISS and wins", withIssuer(jwtRole("")), map[string]string{"ISS": `"https://evil.example"`}, policy.Allow, ""},
		{"Iss alone, another issuer", withIssuer(jwtRole("")), map[string]string{"iss": "", "Iss": `"https://evil.example"`}, policy.Deny, "invalid issuer"},
		{"Sub read as sub for bound_subject", jwtRole(`"bound_subject":"x"`), map[string]string{"sub": "", "SUB": `"x"`}, policy.Allow, ""},
		{"AUD read as aud for bound_audiences", jwtRole(""), map[string]string{"aud": "", "AUD": `"sts.amazonaws.com"`}, policy.Allow, ""},
	}, diagnosedIn(policytest.Failing))
}

// go-jose's JSON decoder, which reads the claims before anything else
// (cap keyset.go:163-171), refuses an object with a duplicate key at any
// depth; Vault then reports a signature failure. Every role denies such a
// token, even one that binds none of the duplicated claims.
func TestDuplicateClaimKeyRefusesToken(t *testing.T) {
	tests := []struct{ name, payload, role string }{
		{"top-level claim nothing binds", `{` + pushMain + `,"run_id":"2"}`, jwtRole("")},
		{"nested key", `{` + pushMain + `,"ctx":{"k":"a","k":"a"}}`, jwtRole(`"bound_claims":{"/ctx/k":"a"}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := parseOne(t, tt.role).Evaluate(policytest.Payload(t, tt.payload))
			if res.Verdict != policy.Deny {
				t.Fatalf("verdict %s, want deny (%s)", res.Verdict, res.Summary)
			}
			policytest.CheckText(t, "summary", res.Summary, []string{"no known key successfully validated the token signature"}, nil)
		})
	}
}
