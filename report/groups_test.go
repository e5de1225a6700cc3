package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/report"
)

// An explicit Deny that overrides an Allow: text and Markdown show each
// statement under its heading, and the Deny's conditions as the reason
// for the deny, not as passes.
func TestDenyOverridesAllowShowsTheStatements(t *testing.T) {
	r := fixedRun(t, inspect.Options{
		Input: policytest.StaticJWT(t, "pull-request"), Keys: policytest.DemoKeySet(t),
		Policies: policyset.Loader{}.Load([]string{"../fixtures/policies/aws/trust-deny-pull-requests.json"}, nil, nil),
	})
	var text, md bytes.Buffer
	if err := report.Text(&text, r, asciiRenderer(&text)); err != nil {
		t.Fatal(err)
	}
	if err := report.Markdown(&md, report.MarkdownSection{Heading: "t", Report: r}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, out, allow, deny, denyCond string }{
		{"text", text.String(), "\n  Statement[0] Allow (Sid \"AnyRunOfOctoRepo\")\n", "\n  Statement[1] Deny (Sid \"NoPullRequests\")  ✗ ",
			`    ✗ StringLike "token.actions.githubusercontent.com:sub": "repo:*:pull_request"`},
		{"markdown", md.String(), "\n**Statement\\[0\\] Allow (Sid \"AnyRunOfOctoRepo\")**\n", "\n**Statement\\[1\\] Deny (Sid \"NoPullRequests\")** — ❌ ", "- ❌ `StringLike \"token.actions.githubusercontent.com:sub\": \"repo:*:pull_request\"`"},
	} {
		a, d := strings.Index(tc.out, tc.allow), strings.Index(tc.out, tc.deny)
		if a < 0 || d < a {
			t.Errorf("%s: no %q then %q heading:\n%s", tc.name, tc.allow, tc.deny, tc.out)
			continue
		}
		if !strings.Contains(tc.out[d:], tc.denyCond) {
			t.Errorf("%s: the Deny's condition does not read as its reason (%q):\n%s", tc.name, tc.denyCond, tc.out[d:])
		}
	}
}
