package entra

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/shellquote/shelltest"
	"github.com/oidcscope/oidcscope/policy"
)

// placeholder is a <NAME> the notes ask the person to fill in.
var placeholder = regexp.MustCompile(`<([A-Z_]+)>`)

// TestSuggestCommandsRunAsPrinted pastes the az commands of Suggest's
// notes into bash, as a person copies them from the text report (with the
// <PLACEHOLDERS> filled in): the token's iss must reach az as one
// argument, byte for byte, and nothing else may run. A value the report
// would escape, or one az would read as a file, leaves the command that
// holds it out.
func TestSuggestCommandsRunAsPrinted(t *testing.T) {
	tests := []struct {
		name, iss string
		printed   bool // the managed-identity command, which holds iss, is printed
	}{
		{"plain", gh, true},
		{"command substitution", "https://issuer.example/$(touch p)", true},
		{"command separator and redirection", "https://issuer.example/;touch q>r", true},
		{"variables, globs and double quotes", `https://issuer.example/"$HOME"*{a,b}`, true},
		{"single quote", "https://issuer.example/it's", false},
		{"backquotes", "https://issuer.example/`touch s`", false},
		{"escape sequence", "https://issuer.example/\x1b[2J", false},
		{"file reference", "@/etc/passwd", false},
	}
	t.Run("flexible", func(t *testing.T) {
		sug, err := New().Suggest(azureToken(t, nil), policy.ScopeRepo)
		if err != nil {
			t.Fatal(err)
		}
		cmds := shelltest.Commands(sug.Notes, "az")
		if len(cmds) != 1 {
			t.Fatalf("found commands %q in the notes %q, want 1", cmds, sug.Notes)
		}
		calls := shelltest.Run(t, placeholder.ReplaceAllString(cmds[0], "$1"), "az")
		want := [][]string{{"rest", "--method", "POST", "--uri", "https://graph.microsoft.com/beta/applications/APP_OBJECT_ID/federatedIdentityCredentials", "--body", "@FILE"}}
		if !slices.EqualFunc(calls, want, slices.Equal) {
			t.Errorf("%q\nran az with %q, want %q", cmds, calls, want)
		}
	})
	app := []string{"ad", "app", "federated-credential", "create", "--id", "APP_ID", "--parameters", "FILE"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sug, err := New().Suggest(azureToken(t, map[string]string{"iss": quote(tc.iss)}), policy.ScopeRef)
			if err != nil {
				t.Fatal(err)
			}
			want := [][]string{app}
			if tc.printed {
				want = append(want, []string{"identity", "federated-credential", "create", "--name", "NAME", "--identity-name", "IDENTITY",
					"--resource-group", "RESOURCE_GROUP", "--issuer", tc.iss, "--subject", "SUBJECT", "--audiences", AzureAudience})
			} else if !slices.ContainsFunc(sug.Notes, func(n string) bool { return strings.Contains(n, "az identity federated-credential create") }) {
				t.Errorf("the notes no longer name the managed-identity command: %q", sug.Notes)
			}
			cmds := shelltest.Commands(sug.Notes, "az")
			if len(cmds) != len(want) {
				t.Fatalf("found commands %q in the notes %q, want %d", cmds, sug.Notes, len(want))
			}
			calls := shelltest.Run(t, placeholder.ReplaceAllString(strings.Join(cmds, "\n"), "$1"), "az")
			if !slices.EqualFunc(calls, want, slices.Equal) {
				t.Errorf("%q\nran az with %q, want %q", cmds, calls, want)
			}
		})
	}
}
