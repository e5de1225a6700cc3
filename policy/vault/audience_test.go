package vault

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

func TestAudiences(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"bound_audiences, in order", `{"role_type":"jwt","user_claim":"sub","bound_audiences":["https://github.com/octo-org","sts.amazonaws.com"]}`, []string{"https://github.com/octo-org", "sts.amazonaws.com"}},
		{"a single string", `{"role_type":"jwt","user_claim":"sub","bound_audiences":"https://vault.example.com"}`, []string{"https://vault.example.com"}},
		{"none bound: Vault refuses any aud, so none to ask for", `{"role_type":"jwt","user_claim":"sub","bound_subject":"repo:o/r:ref:refs/heads/main"}`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := policy.Audiences(parseOne(t, tc.doc)); !slices.Equal(got, tc.want) {
				t.Errorf("Audiences() = %q, want %q", got, tc.want)
			}
		})
	}
}
