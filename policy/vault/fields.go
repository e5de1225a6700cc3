package vault

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
)

// fields reads role or config fields the way Vault's field schema does
// (vault/sdk framework/field_data.go): mapstructure's weak decoding, so a
// number given for a string field is its text and a boolean is "1" or
// "0". Each reader returns an error message (empty when fine) carrying
// Vault's own words; JSON null and an absent field read as unset, as
// `vault read` prints unset fields. Of duplicate keys the last counts, as
// in Vault's JSON decoding (lint.go warns).
type fields struct {
	obj   decode.Value
	where string // "role" or "config", for messages
}

// get returns a field, the last when the key is duplicated.
func (f fields) get(key string) (decode.Value, bool) {
	v, ok := lastMember(f.obj, key)
	return v, ok && v.Kind != decode.Null
}

// present reports whether the field is written at all, even as null.
func (f fields) present(key string) bool {
	_, ok := lastMember(f.obj, key)
	return ok
}

// lastMember is an object's member as Go's encoding/json keeps it: the
// last of duplicate keys.
func lastMember(obj decode.Value, key string) (decode.Value, bool) {
	var out decode.Value
	found := false
	for _, m := range obj.Members {
		if m.Key == key {
			out, found = m.Value, true
		}
	}
	return out, found
}

// str reads a string field (framework.TypeString).
func (f fields) str(key string) (string, string) {
	v, ok := f.get(key)
	if !ok {
		return "", ""
	}
	s, good := weakString(v)
	if !good {
		return "", fmt.Sprintf("%s is %s, not a string: %s", key, boundValue(v).describe(), storeRefusal(fieldValidation(key, unconvertible("", v))))
	}
	return s, ""
}

// weakString is mapstructure's weak decoding of a JSON value into a Go
// string: strings and numbers (json.Number) as their text, booleans as
// "1" or "0"; lists and objects do not convert.
func weakString(v decode.Value) (string, bool) {
	switch v.Kind {
	case decode.String, decode.Number:
		return v.Text, true
	case decode.Bool:
		if v.Text == "true" {
			return "1", true
		}
		return "0", true
	case decode.Null:
		return "", true
	}
	return "", false
}

// fieldValidation is the message of Vault's framework when it cannot
// convert a field (Backend.HandleRequest, FieldData.Validate). key is one
// of the schema's field names, plain ASCII, so its %q is Vault's exactly.
func fieldValidation(key, detail string) string {
	return fmt.Sprintf("Field validation failed: error converting input for field %s: %s", strconv.Quote(key), detail)
}

// boolean reads a boolean field (framework.TypeBool: weakly, so "true",
// "1" and a non-zero number are true).
func (f fields) boolean(key string) (bool, string) {
	v, ok := f.get(key)
	if !ok {
		return false, ""
	}
	switch v.Kind {
	case decode.Bool:
		return v.Text == "true", ""
	case decode.Number:
		if n, err := strconv.ParseFloat(v.Text, 64); err == nil {
			return n != 0, ""
		}
	case decode.String:
		if v.Text == "" {
			return false, ""
		}
		if b, perr := strconv.ParseBool(v.Text); perr == nil {
			return b, ""
		}
	}
	return false, fmt.Sprintf("%s is %s, not a boolean", key, boundValue(v).describe())
}

// commaList reads a framework.TypeCommaStringSlice field: a list, or one
// string of comma-separated values; each value is trimmed of spaces, and
// numbers and booleans are weakly decoded (a number's text, "1" or "0").
func (f fields) commaList(key string) ([]string, string) {
	v, ok := f.get(key)
	if !ok {
		return nil, ""
	}
	var raw []string
	switch v.Kind {
	case decode.String:
		if v.Text == "" {
			return nil, ""
		}
		raw = strings.Split(v.Text, ",")
	case decode.Number, decode.Bool:
		s, _ := weakString(v)
		raw = []string{s}
	case decode.Array:
		for _, it := range v.Items {
			s, good := weakString(it)
			if !good {
				return nil, fmt.Sprintf("%s holds %s; Vault expects strings", key, boundValue(it).describe())
			}
			raw = append(raw, s)
		}
	default:
		return nil, fmt.Sprintf("%s is %s, not a list of strings", key, boundValue(v).describe())
	}
	out := make([]string, len(raw))
	for i, s := range raw {
		out[i] = strings.TrimSpace(s)
	}
	return out, ""
}

// kvPairs reads a framework.TypeKVPairs field (claim_mappings): an
// object whose values decode weakly to strings, or a list of "key=value"
// strings. problem explains what Vault refuses, vaultMsg is its answer.
func (f fields) kvPairs(key string) (obj decode.Value, problem, vaultMsg string) {
	obj = decode.Value{Kind: decode.Object}
	v, ok := f.get(key)
	if !ok {
		return obj, "", ""
	}
	switch v.Kind {
	case decode.Object:
		for _, m := range v.Members {
			if _, good := weakString(m.Value); !good {
				// Vault then tries the list form, whose error it reports.
				vaultMsg = fieldValidation(key, decodingErrors([]string{unconvertible("[0]", v)}))
				return obj, fmt.Sprintf("claim_mappings maps %s to %s; metadata keys are strings: %s", escape.Quoted(m.Key), boundValue(m.Value).describe(), storeRefusal(vaultMsg)), vaultMsg
			}
		}
		return v, "", ""
	case decode.String, decode.Number, decode.Bool: // lifted into a one-element list
		if v.Kind == decode.String && v.Text == "" {
			return obj, "", ""
		}
		v = decode.Value{Kind: decode.Array, Items: []decode.Value{v}}
	}
	if v.Kind == decode.Array {
		if errs := listElementErrors(v); len(errs) > 0 {
			vaultMsg = fieldValidation(key, decodingErrors(errs))
			return obj, fmt.Sprintf("%s holds a value that is no string: %s", key, storeRefusal(vaultMsg)), vaultMsg
		}
		for _, it := range v.Items {
			pair, _ := weakString(it)
			k, val, found := strings.Cut(pair, "=")
			if !found || k == "" {
				vaultMsg = fieldValidation(key, "invalid key pair "+escape.Quoted(pair))
				return decode.Value{Kind: decode.Object}, fmt.Sprintf("%s: %s is not a key=value pair: %s", key, escape.Quoted(pair), storeRefusal(vaultMsg)), vaultMsg
			}
			obj.Members = append(obj.Members, decode.Member{Key: k, Value: decode.Value{Kind: decode.String, Text: val}})
		}
		return obj, "", ""
	}
	return obj, fmt.Sprintf("%s is %s, not an object", key, boundValue(v).describe()), ""
}

// leeways are the role's time tolerances, for the summary only.
type leeways struct {
	expiration, notBefore, clockSkew time.Duration // 0 when disabled
}

// readLeeways reads the three leeway fields: seconds as a number, or a
// duration string ("150s", "2m", "150"); 0 or unset means the default and a
// negative value disables the leeway (path_role.go, cap jwt.go).
func readLeeways(f fields) leeways {
	return leeways{
		expiration: leeway(f, "expiration_leeway", DefaultExpirationLeeway),
		notBefore:  leeway(f, "not_before_leeway", DefaultNotBeforeLeeway),
		clockSkew:  leeway(f, "clock_skew_leeway", DefaultClockSkewLeeway),
	}
}

func leeway(f fields, key string, def time.Duration) time.Duration {
	v, ok := f.get(key)
	if !ok {
		return def
	}
	var d time.Duration
	switch v.Kind {
	case decode.Number:
		n, err := strconv.ParseInt(v.Text, 10, 64)
		if err != nil || n > 1<<32 || n < -(1<<32) {
			return def
		}
		d = time.Duration(n) * time.Second
	case decode.String:
		if n, err := strconv.ParseInt(v.Text, 10, 32); err == nil {
			d = time.Duration(n) * time.Second
		} else if pd, err := time.ParseDuration(v.Text); err == nil {
			d = pd.Truncate(time.Second)
		} else {
			return def
		}
	default:
		return def
	}
	switch {
	case d < 0:
		return 0
	case d == 0:
		return def
	}
	return d
}

func (l leeways) String() string {
	return fmt.Sprintf("%s clock skew on exp, nbf and iat; the %s/%s expiration/not-before leeways only replace a missing exp/nbf",
		seconds(l.clockSkew), seconds(l.expiration), seconds(l.notBefore))
}

func seconds(d time.Duration) string {
	if d == 0 {
		return "off"
	}
	return fmt.Sprintf("%d s", int64(d/time.Second))
}
