package vault

import (
	"fmt"
	"sort"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// Vault's JWT library (hashicorp/cap jwt.go:150-158, v0.12.0) encodes the
// claims again with encoding/json, which sorts the keys, and decodes them
// into go-jose's jwt.Claims (go-jose v3 jwt/claims.go:28-36). encoding/json
// matches a key to a field regardless of case (strings.EqualFold, so even
// "ſub" is sub), the last match in that sorted order wins, and a value of
// the wrong type fails the token: iss, sub and jti must be strings, aud a
// string or a list of strings, exp, nbf and iat numbers (null leaves a
// field unset, except for aud, whose decoder refuses it).

// registeredFields are jwt.Claims's JSON names.
var registeredFields = []string{"iss", "sub", "aud", "exp", "nbf", "iat", "jti"}

// Errors of go-jose's decoders (jwt/errors.go:23,26).
const (
	errAudienceType    = "go-jose/go-jose/jwt: expected string or array value to unmarshal to Audience"
	errNumericDateType = "go-jose/go-jose/jwt: expected number value to unmarshal NumericDate"
)

// registered is what the library reads: for each field the token member
// it takes (its key may differ in case), and the decoding error, if any.
type registered struct {
	key     map[string]string // field → the token's key that sets it
	problem string            // the error that fails the token, "" when none
	culprit string            // the token's key the problem is about
}

// readRegistered decodes the registered claims as the library does.
func readRegistered(payload decode.Value) registered {
	reg := registered{key: map[string]string{}}
	members := append([]decode.Member(nil), payload.Members...)
	sort.SliceStable(members, func(i, j int) bool { return members[i].Key < members[j].Key })
	saved, savedKey := "", ""
	for _, m := range members {
		field := registeredField(m.Key)
		if field == "" {
			continue
		}
		v := m.Value
		switch field {
		case "aud":
			if !audienceShape(v) { // the Audience decoder's error stops decoding
				reg.problem, reg.culprit = errAudienceType, m.Key
				return reg
			}
		case "exp", "nbf", "iat":
			if v.Kind != decode.Number && v.Kind != decode.Null {
				reg.problem, reg.culprit = errNumericDateType, m.Key
				return reg
			}
		default: // iss, sub, jti: strings; a type error is kept and decoding goes on
			if v.Kind != decode.String && v.Kind != decode.Null {
				if saved == "" {
					saved = fmt.Sprintf("json: cannot unmarshal %s into Go struct field Claims.%s of type string", typeNameOf(v).jsonKind, field)
					savedKey = m.Key
				}
				continue
			}
		}
		if v.Kind != decode.Null {
			reg.key[field] = m.Key
		}
	}
	reg.problem, reg.culprit = saved, savedKey
	return reg
}

func registeredField(key string) string {
	for _, f := range registeredFields {
		if strings.EqualFold(key, f) {
			return f
		}
	}
	return ""
}

func audienceShape(v decode.Value) bool {
	switch v.Kind {
	case decode.String:
		return true
	case decode.Array:
		for _, it := range v.Items {
			if it.Kind != decode.String {
				return false
			}
		}
		return true
	}
	return false
}

// registeredKey is the token key the library reads a field from: name
// itself unless another spelling sets it.
func registeredKey(tok registered, name string) string {
	if k, ok := tok.key[name]; ok {
		return k
	}
	return name
}

// hasDuplicateKey finds a key an object of the claims names twice, at any
// depth: go-jose's JSON decoder refuses such a payload (go-jose v3
// json/decode.go:638-644).
func hasDuplicateKey(v decode.Value, path string) (string, bool) {
	switch v.Kind {
	case decode.Object:
		for _, m := range v.Members {
			if m.Duplicate {
				return path + "/" + m.Key, true
			}
			if p, ok := hasDuplicateKey(m.Value, path+"/"+m.Key); ok {
				return p, true
			}
		}
	case decode.Array:
		for i, it := range v.Items {
			if p, ok := hasDuplicateKey(it, fmt.Sprintf("%s/%d", path, i)); ok {
				return p, true
			}
		}
	}
	return "", false
}

// registeredMemo keys the token's decoded registered claims in its memo.
type registeredMemo struct{}

// registeredOf reads the token's registered claims once per token.
func registeredOf(tok policy.Token) registered {
	return tok.Memo(registeredMemo{}, func() any { return readRegistered(tok.Payload) }).(registered)
}

// registeredString reads iss or sub as the library does: from the key it
// takes (which may differ in case), a null reading as absent.
func registeredString(tok policy.Token, name string) (val, key string, absent bool, problem string) {
	key = registeredKey(registeredOf(tok), name)
	if v, ok := tok.Claim(key); ok && v.Kind == decode.Null {
		return "", key, true, ""
	}
	val, absent, problem = claimString(tok, key)
	return val, key, absent, problem
}

// caseNote explains a registered claim read from a key in another case.
func caseNote(name, key string) string {
	if key == name {
		return ""
	}
	return fmt.Sprintf("Vault reads %s from the token's %s claim: its JWT library decodes the registered claims with encoding/json, which matches names regardless of case", name, key)
}
