package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// Vault's getClaim turns a float64 claim into json.Number(strconv.Itoa(int(v)))
// (claims.go:60-65 in v0.26.1): the fraction is cut off toward zero before
// the comparison with the bound json.Number, so 1.5 matches 1 and never
// 1.5. Only the value getClaim returns is converted: a number inside a
// token list stays float64 (see TestSemantics).
func TestNonIntegerClaimsTruncateTowardZero(t *testing.T) {
	checkRoleCases(t, []roleCase{
		{"1.5 matches bound 1", boundClaims(`{"n":1}`), map[string]string{"n": `1.5`}, policy.Allow, ""},
		{"1.5 never matches bound 1.5", boundClaims(`{"n":1.5}`), map[string]string{"n": `1.5`}, policy.Deny, "cuts off the fraction"},
		{"1.50 never matches bound 1.5", boundClaims(`{"n":1.5}`), map[string]string{"n": `1.50`}, policy.Deny, "cuts off the fraction"},
		{"2.999 matches bound 2", boundClaims(`{"n":2}`), map[string]string{"n": `2.999`}, policy.Allow, ""},
		{"-1.5 matches bound -1 (toward zero)", boundClaims(`{"n":-1}`), map[string]string{"n": `-1.5`}, policy.Allow, ""},
		{"-1.5 does not match bound -2", boundClaims(`{"n":-2}`), map[string]string{"n": `-1.5`}, policy.Deny, "-1"},
		{"-0.5 matches bound 0", boundClaims(`{"n":0}`), map[string]string{"n": `-0.5`}, policy.Allow, ""},
		{"-0 matches bound 0", boundClaims(`{"n":0}`), map[string]string{"n": `-0`}, policy.Allow, ""},
		{"3.14e1 matches bound 31", boundClaims(`{"n":31}`), map[string]string{"n": `3.14e1`}, policy.Allow, ""},
		{"bound 1.0 is text, never a truncated claim", boundClaims(`{"n":1.0}`), map[string]string{"n": `1.5`}, policy.Deny, ""},
		{"pointer to a nested fraction", boundClaims(`{"/ctx/n":2}`), map[string]string{"ctx": `{"n":2.7}`}, policy.Allow, ""},
		{"pointer into a token list truncates too", boundClaims(`{"/ids/1":0}`), map[string]string{"ids": `["1",0.5]`}, policy.Allow, ""},
		{"pointer into a token list never keeps the fraction", boundClaims(`{"/ids/1":0.5}`), map[string]string{"ids": `["1",0.5]`}, policy.Deny, "cuts off the fraction"},
		{"past 2^53 rounds to float64 first", boundClaims(`{"n":9007199254740992}`), map[string]string{"n": `9007199254740993`}, policy.Allow, ""},
		// int(1e19) is implementation-specific in Go: amd64 gives the
		// smallest int64, arm64 the largest. The diagnosis names both.
		{"past int64: amd64 reading", boundClaims(`{"n":-9223372036854775808}`), map[string]string{"n": `1e19`}, policy.Allow, "arm64"},
		{"past int64: arm64 reading not taken", boundClaims(`{"n":9223372036854775807}`), map[string]string{"n": `1e19`}, policy.Deny, "amd64"},
	}, diagnosedIn(groupedConditions))
}

// groupedConditions are a result's conditions under a group heading:
// bound_claims, claim_mappings and the config's; the bound claims'
// diagnoses are among them.
func groupedConditions(r policy.Result) []policy.Condition {
	var out []policy.Condition
	for _, c := range r.Conditions {
		if c.Group != "" {
			out = append(out, c)
		}
	}
	return out
}
