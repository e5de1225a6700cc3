package vault

import (
	"encoding/json"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSuggestCommandsRunAsPrinted pastes the vault commands of Suggest's
// notes into bash, as a person copies them from the text report: the
// token's iss must reach vault as part of one key=value argument, byte for
// byte, and nothing else may run. A value the report would escape, or one
// vault would read from a file or stdin, leaves the config command out.
func TestSuggestCommandsRunAsPrinted(t *testing.T) {
	// vault reads a lone "-" as stdin.
	tests := append(policytest.HostileIssuers(), policytest.ShellCase{Name: "stdin", Value: "-", Printed: false})
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			iss, err := json.Marshal(tc.Value)
			if err != nil {
				t.Fatal(err)
			}
			sug, err := New().Suggest(tokenWith(t, map[string]string{"iss": string(iss)}), policy.ScopeRepo)
			if err != nil {
				t.Fatal(err)
			}
			want := [][]string{{"write", "auth/jwt/role/octo-repo-repo", "@role.json"}}
			if tc.Printed {
				want = append(want, []string{"write", "auth/jwt/config", "bound_issuer=" + tc.Value, "oidc_discovery_url=" + tc.Value})
			}
			policytest.CheckCommandsRun(t, sug.Notes, "vault", nil, "vault write auth/jwt/config", want...)
		})
	}
}
