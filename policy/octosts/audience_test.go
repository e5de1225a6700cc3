package octosts

import (
	"slices"
	"testing"

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
