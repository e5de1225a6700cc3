package aws

import "slices"

// Claims is a token payload in claim order. Every GitHub claim is a JSON
// string (reference §1.3); aud may be an array.
type Claims []Claim

// Claim is one claim of a payload.
type Claim struct {
	Name  string
	Value Strings
}

// Get returns a claim's value.
func (c Claims) Get(name string) (Strings, bool) {
	for _, cl := range c {
		if cl.Name == name {
			return cl.Value, true
		}
	}
	return Strings{}, false
}

// Text returns a single-string claim.
func (c Claims) Text(name string) (string, bool) {
	v, ok := c.Get(name)
	if !ok || v.Array || len(v.Items) != 1 {
		return "", false
	}
	return v.Items[0], true
}

// Without returns the claims minus one.
func (c Claims) Without(name string) Claims {
	return slices.DeleteFunc(c.Clone(), func(cl Claim) bool { return cl.Name == name })
}

// Clone returns a deep copy.
func (c Claims) Clone() Claims {
	out := make(Claims, len(c))
	for i, cl := range c {
		out[i] = Claim{Name: cl.Name, Value: cl.Value.clone()}
	}
	return out
}

// MarshalJSON writes the payload object in claim order.
func (c Claims) MarshalJSON() ([]byte, error) {
	ms := make([]member, 0, len(c))
	for _, cl := range c {
		ms = append(ms, member{cl.Name, cl.Value})
	}
	return object(ms)
}
