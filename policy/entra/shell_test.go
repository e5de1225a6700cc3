package entra

import (
	"regexp"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// placeholder is a <NAME> the notes ask the person to fill in.
var placeholder = regexp.MustCompile(`<([A-Z_]+)>`)

// fillPlaceholders fills every <NAME> in with NAME, as a person would.
func fillPlaceholders(cmds string) string { return placeholder.ReplaceAllString(cmds, "$1") }

// TestSuggestCommandsRunAsPrinted pastes the az commands of Suggest's
// notes into bash, as a person copies them from the text report (with the
// <PLACEHOLDERS> filled in): the token's iss must reach az as one
// argument, byte for byte, and nothing else may run. A value the report
// would escape, or one az would read as a file, leaves the command that
// holds it out.
func TestSuggestCommandsRunAsPrinted(t *testing.T) {
	t.Run("flexible", func(t *testing.T) {
		sug, err := New().Suggest(azureToken(t, nil), policy.ScopeRepo)
		if err != nil {
			t.Fatal(err)
		}
		policytest.CheckCommandsRun(t, sug.Notes, "az", fillPlaceholders, "az rest",
			[]string{"rest", "--method", "POST", "--uri", "https://graph.microsoft.com/beta/applications/APP_OBJECT_ID/federatedIdentityCredentials", "--body", "@FILE"})
	})
	app := []string{"ad", "app", "federated-credential", "create", "--id", "APP_ID", "--parameters", "FILE"}
	for _, tc := range policytest.HostileIssuers() {
		t.Run(tc.Name, func(t *testing.T) {
			sug, err := New().Suggest(azureToken(t, map[string]string{"iss": quote(tc.Value)}), policy.ScopeRef)
			if err != nil {
				t.Fatal(err)
			}
			want := [][]string{app}
			if tc.Printed { // the managed-identity command, which holds iss
				want = append(want, []string{"identity", "federated-credential", "create", "--name", "NAME", "--identity-name", "IDENTITY",
					"--resource-group", "RESOURCE_GROUP", "--issuer", tc.Value, "--subject", "SUBJECT", "--audiences", AzureAudience})
			}
			policytest.CheckCommandsRun(t, sug.Notes, "az", fillPlaceholders, "az identity federated-credential create", want...)
		})
	}
}
