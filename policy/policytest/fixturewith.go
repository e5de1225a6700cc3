package policytest

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// FixtureWith is the static fixture token name with changes applied to
// its claims: a string value replaces the claim where it stands (or adds
// it) as a JSON string, a json.RawMessage as the JSON it holds, and nil
// removes the claim. Added claims follow the token's own, in key order.
func FixtureWith(t testing.TB, name string, changes map[string]any) policy.Token {
	t.Helper()
	tok := FixtureToken(t, name)
	value := func(key string) decode.Value {
		switch v := changes[key].(type) {
		case string:
			return decode.Value{Kind: decode.String, Text: v}
		case json.RawMessage:
			val, errs := decode.ParseJSON("change", v)
			if len(errs) > 0 {
				t.Fatalf("change %s: %v", v, errs[0])
			}
			return val
		default:
			t.Fatalf("change %s: %T is neither a string nor json.RawMessage", key, v)
			return decode.Value{}
		}
	}
	var members []decode.Member
	for _, m := range tok.Payload.Members {
		if v, ok := changes[m.Key]; ok {
			if v == nil {
				continue
			}
			m.Value = value(m.Key)
		}
		members = append(members, m)
	}
	var added []string
	for k, v := range changes {
		if _, ok := tok.Payload.Get(k); !ok && v != nil {
			added = append(added, k)
		}
	}
	slices.Sort(added)
	for _, k := range added {
		members = append(members, decode.Member{Key: k, Value: value(k)})
	}
	return policy.NewToken(decode.Value{Kind: decode.Object, Members: members})
}
