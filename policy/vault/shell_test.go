package vault

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/shellquote/shelltest"
	"github.com/oidcscope/oidcscope/policy"
)

// TestSuggestCommandsRunAsPrinted pastes the vault commands of Suggest's
// notes into bash, as a person copies them from the text report: the
// token's iss must reach vault as part of one key=value argument, byte for
// byte, and nothing else may run. A value the report would escape, or one
// vault would read from a file or stdin, leaves the config command out.
func TestSuggestCommandsRunAsPrinted(t *testing.T) {
	tests := []struct {
		name, iss string
		printed   bool // the config command is printed
	}{
		{"plain", GitHubIssuer, true},
		{"command substitution", "https://issuer.example/$(touch p)", true},
		{"command separator and redirection", "https://issuer.example/;touch q>r", true},
		{"variables, globs and double quotes", `https://issuer.example/"$HOME"*{a,b}`, true},
		{"spaces", "https://issuer.example/a b", true},
		{"single quote", "https://issuer.example/it's", false},
		{"backquotes", "https://issuer.example/`touch s`", false},
		{"newline", "https://issuer.example/\ntouch t", false},
		{"escape sequence", "https://issuer.example/\x1b]8;;https://attacker.example\x1b\\", false},
		{"bidi override", "https://issuer.example/\u202e", false},
		{"file reference", "@/etc/passwd", false},
		{"stdin", "-", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			iss, err := json.Marshal(tc.iss)
			if err != nil {
				t.Fatal(err)
			}
			sug, err := New().Suggest(tokenWith(t, map[string]string{"iss": string(iss)}), policy.ScopeRepo)
			if err != nil {
				t.Fatal(err)
			}
			cmds := shelltest.Commands(sug.Notes, "vault")
			want := [][]string{{"write", "auth/jwt/role/octo-repo-repo", "@role.json"}}
			if tc.printed {
				want = append(want, []string{"write", "auth/jwt/config", "bound_issuer=" + tc.iss, "oidc_discovery_url=" + tc.iss})
			} else if !slices.ContainsFunc(sug.Notes, func(n string) bool { return strings.Contains(n, "vault write auth/jwt/config") }) {
				t.Errorf("the notes no longer say how to configure the issuer: %q", sug.Notes)
			}
			if len(cmds) != len(want) {
				t.Fatalf("found commands %q in the notes, want %d", cmds, len(want))
			}
			calls := shelltest.Run(t, strings.Join(cmds, "\n"), "vault")
			if !slices.EqualFunc(calls, want, slices.Equal) {
				t.Errorf("%q\nran vault with %q, want %q", cmds, calls, want)
			}
		})
	}
}
