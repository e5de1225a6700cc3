package octosts

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

func TestAudiences(t *testing.T) {
	const head = "issuer: https://token.actions.githubusercontent.com\nsubject: repo:o/r:ref:refs/heads/main\n"
	custom := &Provider{Domain: "sts.example.com"}
	for _, tc := range []struct {
		name string
		p    *Provider
		doc  string
		want []string
	}{
		{"audience", provider(), head + "audience: https://github.com/octo-org\n", []string{"https://github.com/octo-org"}},
		{"no audience: the STS domain", provider(), head, []string{DefaultDomain}},
		{"no audience on another deployment: its domain", custom, head, []string{"sts.example.com"}},
		{"audience_pattern names none", provider(), head + "audience_pattern: 'https://github\\.com/.*'\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := policy.Audiences(parseOne(t, tc.p, tc.doc)); !slices.Equal(got, tc.want) {
				t.Errorf("Audiences() = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestGoOIDCAudience: the token's aud as go-oidc reads it, null included.
func TestGoOIDCAudience(t *testing.T) {
	for _, tc := range []struct {
		aud  string // JSON
		want []string
		ok   bool
	}{
		{`"a"`, []string{"a"}, true},
		{`null`, []string{""}, true},
		{`[]`, []string{}, true},
		{`["a",null,"b"]`, []string{"a", "", "b"}, true},
		{`["a",1]`, nil, false},
		{`[["a"]]`, nil, false},
		{`7`, nil, false},
		{`{"a":"b"}`, nil, false},
	} {
		v, errs := decode.ParseJSON("aud", []byte(tc.aud))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tc.aud, errs)
		}
		if got, ok := goOIDCAudience(v); ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("goOIDCAudience(%s) = %q, %v; want %q, %v", tc.aud, got, ok, tc.want, tc.ok)
		}
	}
}
