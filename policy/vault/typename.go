package vault

import "github.com/oidcscope/oidcscope/decode"

// typeName is how Vault's two JSON readers name a value's type in their
// errors: mapstructure prints the Go type Vault's JSON decoding made of a
// role field, encoding/json the JSON kind of a registered claim its JWT
// library could not decode.
type typeName struct{ goType, jsonKind string }

func typeNameOf(v decode.Value) typeName {
	switch v.Kind {
	case decode.Array:
		return typeName{"[]interface {}", "array"}
	case decode.Object:
		return typeName{"map[string]interface {}", "object"}
	case decode.Bool:
		return typeName{"bool", "bool"}
	case decode.Number:
		return typeName{"json.Number", "number"}
	}
	return typeName{"string", "string"} // a string, and null
}
