package vault

import (
	"slices"

	"github.com/oidcscope/oidcscope/decode"
)

// lastMembers is obj's members as Vault's JSON decoding keeps them: of
// duplicate keys only the last, in document order. Its Duplicate flag
// still says whether an earlier member had the key.
func lastMembers(obj decode.Value) []decode.Member {
	var out []decode.Member
	for i, m := range obj.Members {
		later := func(x decode.Member) bool { return x.Key == m.Key }
		if !slices.ContainsFunc(obj.Members[i+1:], later) {
			out = append(out, m)
		}
	}
	return out
}
