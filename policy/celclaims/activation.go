package celclaims

import (
	"strconv"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// Duplicates says which value of a member the JSON carries more than once
// ends up in the CEL value. The providers differ, and oidcscope mirrors
// each rather than pick one: a guess here would change verdicts.
type Duplicates int

const (
	// FirstWins keeps the first value, as oidcscope's own token view
	// (policy.Token, decode.Value.Get) does; for a provider whose decoder
	// is not documented, where conditions that read a duplicated claim
	// fail as ambiguous anyway.
	FirstWins Duplicates = iota
	// LastWins keeps the last value, as Go's encoding/json does: what a
	// provider that decodes claims with it (Kubernetes) actually reads.
	LastWins
)

// Map is a token's claims as the map a CEL variable such as `assertion`
// or `claims` holds: strings as strings, integral numbers as int64, other
// numbers as float64, arrays as lists, objects as maps, null as nil. A
// payload that is not an object gives an empty map, so expressions fail
// with "no such key" rather than on a nil activation.
func Map(tok policy.Token, dup Duplicates) map[string]any {
	if tok.Payload.Kind != decode.Object {
		return map[string]any{}
	}
	// Converted once per token and shared by every CEL policy: cel-go
	// only reads an activation.
	return tok.Memo(mapKey{dup}, func() any { return Native(tok.Payload, dup) }).(map[string]any)
}

// mapKey names Map's conversion in the token's memo, one per rule for
// duplicated claims.
type mapKey struct{ dup Duplicates }

// Native converts a decoded JSON value to the Go value cel-go adapts to
// the matching CEL type; dup applies to objects at every depth.
func Native(v decode.Value, dup Duplicates) any {
	switch v.Kind {
	case decode.Bool:
		return v.Text == "true"
	case decode.Number:
		if i, err := strconv.ParseInt(v.Text, 10, 64); err == nil {
			return i
		}
		// Not an int64 (a fraction, an exponent, or too large): CEL's
		// double, as encoding/json's float64 would be.
		f, _ := strconv.ParseFloat(v.Text, 64)
		return f
	case decode.String:
		return v.Text
	case decode.Array:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = Native(it, dup)
		}
		return out
	case decode.Object:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			if _, seen := out[m.Key]; seen && dup == FirstWins {
				continue
			}
			out[m.Key] = Native(m.Value, dup)
		}
		return out
	}
	return nil
}
