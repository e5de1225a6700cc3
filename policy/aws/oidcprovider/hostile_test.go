package oidcprovider

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestHostileValuesStayRaw: terminal escapes and bidi controls in a
// provider document and in the token are kept raw in the result (every
// view escapes them when rendering) and never break its invariants.
func TestHostileValuesStayRaw(t *testing.T) {
	const esc = "\x1b]52;c;ZXZpbA==\a\u202e"
	docs := []string{
		getOutput(t, ghPath+esc, "sts.amazonaws.com"+esc),
		getOutput(t, ghPath, esc),
		listOutput(t, "arn:aws:iam::1"+esc+":oidc-provider/"+ghPath+esc),
	}
	toks := []policy.Token{
		ghToken(t, "sts.amazonaws.com"+esc),
		token(t, map[string]any{"iss": ghIss + esc, "aud": []string{esc, "sts.amazonaws.com"}}),
	}
	for _, d := range docs {
		p := parseOne(t, d)
		for _, tok := range toks {
			res := p.Evaluate(tok)
			policytest.CheckResult(t, policy.AWS, res)
			raw := res.Name + res.Summary
			for _, c := range res.Conditions {
				raw += c.Expression + c.Actual + strings.Join(c.Expected, "") + strings.Join(c.Diagnosis, "")
			}
			if !strings.Contains(raw, "\x1b") {
				t.Errorf("the hostile value was lost or pre-escaped: %q", raw)
			}
			if strings.Contains(escape.Text(raw), "\x1b") {
				t.Error("escape.Text let ESC through")
			}
		}
	}
}

// TestAddClientIDCommandRunsAsPrinted pastes the printed command into
// bash as a person would: the provider URL and the audience reach aws as
// single arguments, and nothing else runs. A value the report would
// escape, or that the CLI would read as an option or a file, leaves the
// command out, and the note still says what to do.
func TestAddClientIDCommandRunsAsPrinted(t *testing.T) {
	tests := []struct {
		name, url, aud string
		printed        bool
	}{
		{"plain", ghPath, "https://github.com/octo-org", true},
		{"command substitution", ghPath + "/$(touch p)", "a;touch q", true},
		{"globs and redirections", ghPath + "/*", "a&&touch s|tee t>u", true},
		{"backquote", ghPath, "`touch r`", false},
		{"option", ghPath, "--endpoint-url=https://attacker.example", false},
		{"local file", ghPath, "file:///etc/passwd", false},
		{"escape sequence", ghPath, "a\x1b[2J", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := parseOne(t, getOutput(t, tt.url, "sts.amazonaws.com")).Evaluate(token(t, map[string]any{"iss": "https://" + tt.url, "aud": tt.aud}))
			ac := policytest.ConditionOn(t, res, "aud")
			if ac.Result != policy.Fail {
				t.Fatalf("audience %s, want fail", ac.Result)
			}
			var want [][]string
			if tt.printed {
				want = append(want, []string{"iam", "add-client-id-to-open-id-connect-provider", "--open-id-connect-provider-arn", "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/" + tt.url, "--client-id", tt.aud})
			}
			policytest.CheckCommandsRun(t, ac.Diagnosis, "aws", nil, "request the token with an audience the provider lists", want...)
		})
	}
}
