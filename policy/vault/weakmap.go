package vault

import (
	"fmt"
	"strconv"

	"github.com/oidcscope/oidcscope/decode"
)

// weakMap reads a framework.TypeMap field (bound_claims) as mapstructure's
// weak decoding does (vault/sdk framework/field_data.go): an object as it
// is, null or an empty list as no entries, a list of objects merged in
// order; anything else Vault refuses before the role handler runs, and
// vaultMsg is its answer.
func (f fields) weakMap(key string) (obj decode.Value, problem, vaultMsg string) {
	obj = decode.Value{Kind: decode.Object}
	v, ok := f.get(key)
	if !ok {
		return obj, "", ""
	}
	if detail := mergeInto(&obj, "", v); detail != "" {
		vaultMsg = fieldValidation(key, detail)
		return decode.Value{Kind: decode.Object}, fmt.Sprintf("%s is %s, not an object: %s", key, boundValue(v).describe(), storeRefusal(vaultMsg)), vaultMsg
	}
	return obj, "", ""
}

// mergeInto adds v's members to obj, returning mapstructure's error when v
// is no map; name is where v sits, as mapstructure names it.
func mergeInto(obj *decode.Value, name string, v decode.Value) string {
	switch v.Kind {
	case decode.Object:
		obj.Members = append(obj.Members, v.Members...)
	case decode.Array:
		for i, it := range v.Items {
			if d := mergeInto(obj, name+"["+strconv.Itoa(i)+"]", it); d != "" {
				return d
			}
		}
	case decode.Null:
	case decode.Bool:
		return "'" + name + "' expected a map, got 'bool'"
	default: // a string, or a json.Number, which is a Go string
		return "'" + name + "' expected a map, got 'string'"
	}
	return ""
}
