package policy_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
)

// TestHostileValuesQuotedOnce: the shared diagnoses every provider uses
// quote a token's or a document's value raw between double quotes, so the
// view escapes it once (an ESC and a literal backslash-x1b read apart).
func TestHostileValuesQuotedOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		tests := []struct {
			path, msg, want string
		}{
			{"wildcard in equality", policy.WildcardInEquality("StringEquals", []string{v + "*"}), v + "*"},
			{"pattern differs in case", joined(policy.PatternMismatch(policy.AWS, "sub", []string{"K" + v + "*"}, "k"+v, literalPrefix)), "K" + v + "*"},
			{"environment form advice", joined(policy.Mismatch(policy.AWS, "sub", []string{"repo:o/r:ref:refs/heads/main"}, "repo:o/r:environment:"+v, true)), "repo:o/r:environment:" + v},
			{"key list", policy.KeyList(object(t, v)), v},
		}
		for _, tt := range tests {
			escapetest.WantQuotedOnce(t, tt.path, tt.msg, tt.want)
		}
	})
}

// TestLookalikeShownOnce: the ASCII character a homoglyph looks like is
// named between single quotes as it is; a backslash or a quote is not
// Go-escaped first (the view escapes the line once).
func TestLookalikeShownOnce(t *testing.T) {
	tests := []struct{ policyValue, want string }{
		{"a\uff3cb", `looks like '\'`},
		{"a\uff07b", `looks like '''`},
		{"a\u043eb", `looks like 'o'`},
	}
	for _, tt := range tests {
		escapetest.WantShownOnce(t, tt.policyValue, joined(policy.AlignNamed(tt.policyValue, "axb")), tt.want)
	}
}

// literalPrefix is the text before a pattern's first * or ?.
func literalPrefix(p string) string {
	if i := strings.IndexAny(p, "*?"); i >= 0 {
		return p[:i]
	}
	return p
}

// object is {key: 1} decoded.
func object(t *testing.T, key string) decode.Value {
	t.Helper()
	k, err := json.Marshal(key)
	if err != nil {
		t.Fatal(err)
	}
	v, errs := decode.ParseJSON("document", []byte(`{`+string(k)+`:1}`))
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	return v
}
