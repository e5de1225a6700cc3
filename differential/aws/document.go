package aws

import (
	"bytes"
	"encoding/json"
	"slices"
)

// The generated documents are Go values that keep the order of their
// members, so a reproduction prints the policy as it was generated and the
// same case always marshals to the same bytes.

// Strings is a policy or claim value that may be one string or an array.
type Strings struct {
	Items []string
	Array bool // written as an array even with one item
}

// One is a single string.
func One(s string) Strings { return Strings{Items: []string{s}} }

// Many is an array of strings.
func Many(s ...string) Strings { return Strings{Items: s, Array: true} }

func (s Strings) clone() Strings { return Strings{Items: slices.Clone(s.Items), Array: s.Array} }

// MarshalJSON writes a string, or an array when Array is set or there is
// not exactly one item.
func (s Strings) MarshalJSON() ([]byte, error) {
	if !s.Array && len(s.Items) == 1 {
		return json.Marshal(s.Items[0])
	}
	if s.Items == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(s.Items)
}

// Document is a role trust policy.
type Document struct {
	Statements []Statement
}

// Statement is one statement of a trust policy.
type Statement struct {
	Sid        string
	Effect     string // Allow or Deny
	Principal  Principal
	Action     Strings
	NotAction  bool    // Action is written as NotAction
	Resource   Strings // none in a valid trust policy
	Conditions []Block
}

// Principal is "*" or an object of principal types.
type Principal struct {
	Star    bool // the string "*"
	Entries []PrincipalEntry
}

// PrincipalEntry is one principal type and its values, e.g. Federated.
type PrincipalEntry struct {
	Type   string
	Values Strings
}

// Block is one condition operator with its keys.
type Block struct {
	Op   string
	Keys []KeyValues
}

// KeyValues is one condition key with its values.
type KeyValues struct {
	Key    string
	Values Strings
}

// member is one "key": value of an object being written.
type member struct {
	key   string
	value any
}

// object writes members in order, escaping no HTML.
func object(members []member) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range members {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(m.key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(m.value)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal is json.Marshal without HTML escaping, so that a reproduction
// shows < > & as written.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// MarshalJSON writes {"Version":"2012-10-17","Statement":[…]}.
func (d Document) MarshalJSON() ([]byte, error) {
	st := d.Statements
	if st == nil {
		st = []Statement{}
	}
	return object([]member{{"Version", "2012-10-17"}, {"Statement", st}})
}

// MarshalJSON writes the statement's members in IAM's usual order.
func (s Statement) MarshalJSON() ([]byte, error) {
	var ms []member
	if s.Sid != "" {
		ms = append(ms, member{"Sid", s.Sid})
	}
	ms = append(ms, member{"Effect", s.Effect}, member{"Principal", s.Principal})
	action := "Action"
	if s.NotAction {
		action = "NotAction"
	}
	ms = append(ms, member{action, s.Action})
	if len(s.Resource.Items) > 0 {
		ms = append(ms, member{"Resource", s.Resource})
	}
	if len(s.Conditions) > 0 {
		ms = append(ms, member{"Condition", conditionObject(s.Conditions)})
	}
	return object(ms)
}

// conditionObject is a statement's Condition element.
type conditionObject []Block

func (c conditionObject) MarshalJSON() ([]byte, error) {
	ms := make([]member, 0, len(c))
	for _, b := range c {
		keys := make([]member, 0, len(b.Keys))
		for _, kv := range b.Keys {
			keys = append(keys, member{kv.Key, kv.Values})
		}
		ms = append(ms, member{b.Op, rawObject(keys)})
	}
	return object(ms)
}

// rawObject is an ordered object of already chosen members.
type rawObject []member

func (o rawObject) MarshalJSON() ([]byte, error) { return object(o) }

// MarshalJSON writes "*" or the principal object.
func (p Principal) MarshalJSON() ([]byte, error) {
	if p.Star {
		return []byte(`"*"`), nil
	}
	ms := make([]member, 0, len(p.Entries))
	for _, e := range p.Entries {
		ms = append(ms, member{e.Type, e.Values})
	}
	return object(ms)
}

// Clone returns a deep copy, for shrinking and neutralising a case without
// touching the original.
func (d Document) Clone() Document {
	out := Document{Statements: make([]Statement, len(d.Statements))}
	for i, s := range d.Statements {
		c := s
		c.Action = s.Action.clone()
		c.Resource = s.Resource.clone()
		c.Principal.Entries = make([]PrincipalEntry, len(s.Principal.Entries))
		for j, e := range s.Principal.Entries {
			c.Principal.Entries[j] = PrincipalEntry{Type: e.Type, Values: e.Values.clone()}
		}
		c.Conditions = make([]Block, len(s.Conditions))
		for j, b := range s.Conditions {
			nb := Block{Op: b.Op, Keys: make([]KeyValues, len(b.Keys))}
			for k, kv := range b.Keys {
				nb.Keys[k] = KeyValues{Key: kv.Key, Values: kv.Values.clone()}
			}
			c.Conditions[j] = nb
		}
		out.Statements[i] = c
	}
	return out
}
