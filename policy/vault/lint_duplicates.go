package vault

import (
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// lintDuplicates warns of keys the role, its bound_claims or its
// claim_mappings name more than once: Vault's JSON decoding (Go's
// encoding/json, in its HTTP layer and in `vault write @file`) keeps the
// last, and oidcscope evaluates that one, but the earlier value reads as
// if it counted.
func lintDuplicates(obj decode.Value) []policy.Finding {
	var out []policy.Finding
	out = append(out, duplicateKeys("the role", obj)...)
	for _, field := range []string{"bound_claims", "claim_mappings"} {
		if v, ok := lastMember(obj, field); ok && v.Kind == decode.Object {
			out = append(out, duplicateKeys(field, v)...)
		}
	}
	return out
}

func duplicateKeys(where string, obj decode.Value) []policy.Finding {
	var out []policy.Finding
	// Each duplicated key once, at its last occurrence.
	for _, m := range lastMembers(obj) {
		if m.Duplicate {
			out = append(out, finding(RuleDuplicateKey, policy.SevWarning,
				"%s names %s %d times: Vault keeps only the last value, and so does oidcscope; remove the others", where, escape.Quoted(policy.Shorten(m.Key, 60)), obj.Count(m.Key)))
		}
	}
	return out
}
