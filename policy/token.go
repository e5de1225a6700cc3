package policy

import (
	"github.com/oidcscope/oidcscope/decode"
)

// Token is the read-only view of a token that evaluators use.
type Token struct {
	Payload decode.Value // the claims, in token order
}

// NewToken wraps decoded claims.
func NewToken(payload decode.Value) Token { return Token{Payload: payload} }

// Claim returns a claim's value. A duplicated claim is ambiguous; it is
// reported as present with its first value, and Duplicated says so.
func (t Token) Claim(name string) (decode.Value, bool) { return t.Payload.Get(name) }

// Duplicated reports whether the claim appears more than once.
func (t Token) Duplicated(name string) bool { return t.Payload.Count(name) > 1 }

// String returns a string claim.
func (t Token) String(name string) (string, bool) { return t.Payload.Str(name) }

// Strings returns a claim as a list of strings (see StringList). ok is
// false when the claim is absent or has another shape.
func (t Token) Strings(name string) ([]string, bool) {
	v, ok := t.Payload.Get(name)
	if !ok {
		return nil, false
	}
	return StringList(v)
}

// StringList reads a value that may be one string or an array of strings,
// as aud in a token and most fields of a policy may be: a string is one
// element, an array of strings its elements (none for []). ok is false for
// any other shape, including an array holding a non-string.
func StringList(v decode.Value) ([]string, bool) {
	switch v.Kind {
	case decode.String:
		return []string{v.Text}, true
	case decode.Array:
		out := make([]string, 0, len(v.Items))
		for _, it := range v.Items {
			if it.Kind != decode.String {
				return nil, false
			}
			out = append(out, it.Text)
		}
		return out, true
	}
	return nil, false
}

// Text renders any claim value as the string a policy engine compares:
// strings as they are, other scalars as their JSON text.
func (t Token) Text(name string) (string, bool) {
	v, ok := t.Payload.Get(name)
	if !ok {
		return "", false
	}
	if v.Kind == decode.String {
		return v.Text, true
	}
	b, err := v.MarshalJSON()
	if err != nil {
		return "", false
	}
	return string(b), true
}
