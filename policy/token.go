package policy

import (
	"sync"

	"github.com/oidcscope/oidcscope/decode"
)

// Token is the read-only view of a token that evaluators use. Every policy
// of a set reads the same claims many times, so NewToken indexes them once.
type Token struct {
	Payload decode.Value   // the claims, in token order
	first   map[string]int // claim name → index of its first member
	dups    map[string]int // claim name → count, only for claims given more than once
	memo    *memo          // conversions of the claims, made once per token
}

// memo holds what Memo built. Policies of a large set are evaluated by
// several goroutines, hence the lock.
type memo struct {
	mu     sync.Mutex
	values map[any]any
}

// NewToken wraps decoded claims.
func NewToken(payload decode.Value) Token {
	t := Token{Payload: payload, first: make(map[string]int, len(payload.Members)), memo: &memo{}}
	for i, m := range payload.Members {
		if _, seen := t.first[m.Key]; !seen {
			t.first[m.Key] = i
			continue
		}
		if t.dups == nil {
			t.dups = map[string]int{}
		}
		t.dups[m.Key] = max(t.dups[m.Key], 1) + 1
	}
	return t
}

// Claim returns a claim's value. A duplicated claim is ambiguous; it is
// reported as present with its first value, and Duplicated says so.
func (t Token) Claim(name string) (decode.Value, bool) {
	if t.first == nil { // a zero Token
		return t.Payload.Get(name)
	}
	i, ok := t.first[name]
	if !ok {
		return decode.Value{}, false
	}
	return t.Payload.Members[i].Value, true
}

// Count reports how many times the claim appears.
func (t Token) Count(name string) int {
	if t.first == nil {
		return t.Payload.Count(name)
	}
	if n, ok := t.dups[name]; ok {
		return n
	}
	if _, ok := t.first[name]; ok {
		return 1
	}
	return 0
}

// Memo returns what build makes of the claims, building it on the first
// call for key and returning the same value after that, to every policy
// evaluated against this token: the claims as CEL values cost a third of
// a CEL policy's evaluation when every policy converted them again. The
// value is shared, so callers must not modify it. A zero Token builds
// every time.
func (t Token) Memo(key any, build func() any) any {
	if t.memo == nil {
		return build()
	}
	t.memo.mu.Lock()
	defer t.memo.mu.Unlock()
	if v, ok := t.memo.values[key]; ok {
		return v
	}
	v := build()
	if t.memo.values == nil {
		t.memo.values = map[any]any{}
	}
	t.memo.values[key] = v
	return v
}

// Duplicated reports whether the claim appears more than once.
func (t Token) Duplicated(name string) bool { return t.Count(name) > 1 }

// String returns a string claim.
func (t Token) String(name string) (string, bool) {
	v, ok := t.Claim(name)
	if !ok || v.Kind != decode.String {
		return "", false
	}
	return v.Text, true
}

// Strings returns a claim as a list of strings (see StringList). ok is
// false when the claim is absent or has another shape.
func (t Token) Strings(name string) ([]string, bool) {
	v, ok := t.Claim(name)
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
	v, ok := t.Claim(name)
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
