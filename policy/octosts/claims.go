package octosts

import (
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// How octo-sts reads a token's claims: with encoding/json, through
// chainguard.dev/sdk's auth.ExtractIssuerAndSubject, go-oidc's Verify and
// IDToken.Claims.

// occurrences are a claim's values in token order: several when the
// token repeats it. encoding/json, which every reader octo-sts uses is
// built on, decodes each in turn: the last value stays, and a value of
// the wrong type anywhere fails the whole decoding.
func occurrences(tok policy.Token, name string) []decode.Value {
	if !tok.Duplicated(name) {
		if v, ok := tok.Claim(name); ok {
			return []decode.Value{v}
		}
		return nil
	}
	var out []decode.Value
	for _, m := range tok.Payload.Members {
		if m.Key == name {
			out = append(out, m.Value)
		}
	}
	return out
}

// last is the value octo-sts reads for a claim: encoding/json keeps the
// last of a repeated member (one of the two readings RFC 7519 §4 allows).
func last(tok policy.Token, name string) (decode.Value, bool) {
	vs := occurrences(tok, name)
	if len(vs) == 0 {
		return decode.Value{}, false
	}
	return vs[len(vs)-1], true
}

// valueText is a value as a condition shows it: strings as they are,
// anything else as JSON.
func valueText(v decode.Value) string {
	if v.Kind == decode.String {
		return v.Text
	}
	b, err := v.MarshalJSON()
	if err != nil {
		return ""
	}
	return string(b)
}

// goOIDCAudience reads one aud value as go-oidc v3's audience type does
// (oidc.go, audience.UnmarshalJSON): a string is one audience, a list of
// strings several; null, alone or as an element, reads as "". ok is false
// for any other shape, which fails go-oidc's Verify.
func goOIDCAudience(v decode.Value) ([]string, bool) {
	return policy.StringList(nullAsEmpty(v))
}

// nullAsEmpty is v with null, alone or as a list element, read as the
// empty string.
func nullAsEmpty(v decode.Value) decode.Value {
	empty := decode.Value{Kind: decode.String}
	switch v.Kind {
	case decode.Null:
		return empty
	case decode.Array:
		items := make([]decode.Value, len(v.Items))
		for i, it := range v.Items {
			if it.Kind == decode.Null {
				it = empty
			}
			items[i] = it
		}
		v.Items = items
	}
	return v
}

func describe(v decode.Value) string {
	if v.Kind != decode.Array {
		return kindArticle(v.Kind)
	}
	for _, it := range v.Items {
		if it.Kind != decode.String && it.Kind != decode.Null {
			return "a list holding " + kindArticle(it.Kind)
		}
	}
	return "a list"
}

func kindArticle(k decode.Kind) string {
	switch k {
	case decode.Array:
		return "a list"
	case decode.Object:
		return "an object"
	case decode.Null:
		return "null"
	}
	return "a " + k.String()
}
