package aws

import (
	"encoding/json"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSuggestCommandRunsAsPrinted pastes the aws command of Suggest's
// notes into bash, as a person copies it from the text report: the hostile
// iss and aud must reach aws as single arguments, byte for byte, and
// nothing else may run. A value the report would escape, or one the CLI
// would read as an option or a file, leaves the command out.
func TestSuggestCommandRunsAsPrinted(t *testing.T) {
	const gh = "https://token.actions.githubusercontent.com"
	tests := []struct {
		name, iss, aud string
		printed        bool
	}{
		{"plain", gh, "sts.amazonaws.com", true},
		{"command substitution in iss", "https://issuer.example/$(touch p)", "sts.amazonaws.com", true},
		{"command separator in aud", gh, "sts.amazonaws.com;touch q", true},
		{"globs, pipes and redirections", "https://issuer.example/*/?/[a]", "a&&touch s|tee t>u", true},
		{"backquotes", "https://issuer.example/`touch r`", "sts.amazonaws.com", false}, // they would end the `…` the command is printed in
		{"variables and braces", "https://issuer.example/${HOME}$HOME{a,b}~", "!!#x", true},
		{"spaces and double quotes", gh, `"a b" *`, true},
		{"single quote", gh, "it's", false}, // Quote writes it with a backslash, which the report doubles
		{"newline", gh, "sts.amazonaws.com\ntouch v", false},
		{"escape sequence", "https://issuer.example/\x1b]52;c;eA==\a", "sts.amazonaws.com", false},
		{"backslash", gh, `a\b`, false},
		{"option", gh, "--endpoint-url=https://attacker.example", false},
		{"local file", gh, "file:///etc/passwd", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			claims, err := json.Marshal(map[string]string{"iss": tc.iss, "aud": tc.aud, "sub": "repo:o/r:ref:refs/heads/main"})
			if err != nil {
				t.Fatal(err)
			}
			sug, err := New().Suggest(policytest.Payload(t, string(claims)), policy.ScopeRepo)
			if err != nil {
				t.Fatal(err)
			}
			var want [][]string
			if tc.printed {
				want = append(want, []string{"iam", "create-open-id-connect-provider", "--url", tc.iss, "--client-id-list", tc.aud})
			}
			policytest.CheckCommandsRun(t, sug.Notes, "aws", nil, "aws iam create-open-id-connect-provider", want...)
		})
	}
}
