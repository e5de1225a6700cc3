package vault

import (
	"strconv"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
)

// kind is the Go type a value has inside Vault when it compares bound
// claims: bound values are decoded with UseNumber (numbers are
// json.Number), token claims with plain encoding/json (numbers are
// float64), and getClaim turns a float64 it returns into a json.Number.
type kind uint8

const (
	kString kind = iota // string
	kBool               // bool
	kNumber             // json.Number: compared as its text
	kFloat              // float64: a number inside a token list, never converted
	kNull               // nil
	kArray              // []interface{}: not comparable
	kObject             // map[string]interface{}: not comparable
)

// value is one element Vault compares with Go's ==.
type value struct {
	kind kind
	text string // the string; "true"/"false"; the number's text

	// A token number getClaim converted (truncate.go): its text as the
	// token writes it when that differs from text, and why the
	// conversion depends on the Vault build, if it does.
	written, platform string
}

// equal is Go's == on two interface values. ok is false where Go panics:
// two values of the same uncomparable type (a list or an object in both
// lists).
func equal(a, b value) (eq, ok bool) {
	if a.kind != b.kind {
		return false, true
	}
	switch a.kind {
	case kArray, kObject:
		return false, false
	case kNull:
		return true, true
	case kFloat:
		x, errX := strconv.ParseFloat(a.text, 64)
		y, errY := strconv.ParseFloat(b.text, 64)
		return errX == nil && errY == nil && x == y, true
	}
	return a.text == b.text, true
}

// describe names a value with its type, for diagnoses: "the string \"74\"",
// "the number 74". A string stands raw between quotes (escape.Quoted): the
// view escapes the whole message once.
func (v value) describe() string {
	switch v.kind {
	case kString:
		return "the string " + escape.Quoted(v.text)
	case kBool:
		return "the boolean " + v.text
	case kNumber, kFloat:
		if v.written != "" {
			return "the number " + v.written
		}
		return "the number " + v.text
	case kNull:
		return "null"
	case kArray:
		return "a list"
	}
	return "an object"
}

// render is the value as a policy or token writes it: strings bare, the
// rest as JSON.
func (v value) render() string {
	switch v.kind {
	case kString:
		return v.text
	case kBool, kNumber, kFloat:
		return v.text
	case kNull:
		return "null"
	case kArray:
		return "[…]"
	}
	return "{…}"
}

// boundValue is how Vault holds a value it read from the role (UseNumber).
func boundValue(v decode.Value) value {
	switch v.Kind {
	case decode.String:
		return value{kind: kString, text: v.Text}
	case decode.Bool:
		return value{kind: kBool, text: v.Text}
	case decode.Number:
		return value{kind: kNumber, text: v.Text}
	case decode.Array:
		return value{kind: kArray}
	case decode.Object:
		return value{kind: kObject}
	}
	return value{kind: kNull}
}

// elementValue is how a token value nested in a list reaches the
// comparison: encoding/json made numbers float64 and nothing converts them.
func elementValue(v decode.Value) value {
	if v.Kind == decode.Number {
		return value{kind: kFloat, text: v.Text}
	}
	return boundValue(v)
}

// claimValue is what getClaim returns for a token value it found: a
// float64 becomes a json.Number holding the integer toward zero
// (truncate.go). A number no float64 holds never gets here in Vault
// (encoding/json refuses the token); see unreadableNumber.
func claimValue(v decode.Value) value {
	if v.Kind != decode.Number {
		return boundValue(v)
	}
	f, err := strconv.ParseFloat(v.Text, 64)
	if err != nil {
		return value{kind: kNumber, text: v.Text}
	}
	t := truncate(v.Text, f)
	out := value{kind: kNumber, text: t.text, platform: t.platform}
	if t.changed || t.platform != "" {
		out.written = v.Text
	}
	return out
}

// normalizeList mirrors claims.go: a string, bool or json.Number becomes a
// one-element list, a list stays as it is (its elements as given), and
// anything else is refused.
func normalizeList(top value, items []value) ([]value, bool) {
	switch top.kind {
	case kString, kBool, kNumber:
		return []value{top}, true
	case kArray:
		return items, true
	}
	return nil, false
}

// boundList is a bound_claims value as Vault normalises it.
func boundList(v decode.Value) ([]value, bool) {
	var items []value
	for _, it := range v.Items {
		items = append(items, boundValue(it))
	}
	return normalizeList(boundValue(v), items)
}

// actualList is a token value as Vault normalises it; ok is false for an
// object.
func actualList(v decode.Value) ([]value, bool) {
	var items []value
	for _, it := range v.Items {
		items = append(items, elementValue(it))
	}
	return normalizeList(claimValue(v), items)
}

// unreadableNumber finds a number encoding/json cannot decode into a
// float64 anywhere in the claims; Vault then refuses the token before it
// looks at any role field.
func unreadableNumber(v decode.Value) (string, bool) {
	switch v.Kind {
	case decode.Number:
		if _, err := strconv.ParseFloat(v.Text, 64); err != nil {
			return v.Text, true
		}
	case decode.Array:
		for _, it := range v.Items {
			if t, ok := unreadableNumber(it); ok {
				return t, true
			}
		}
	case decode.Object:
		for _, m := range v.Members {
			if t, ok := unreadableNumber(m.Value); ok {
				return t, true
			}
		}
	}
	return "", false
}
