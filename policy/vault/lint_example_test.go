package vault

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestLintExampleID: the no-IDs finding's example binds the repository ID
// of the token being evaluated (issue 16 item 5: it named the demo's 74
// whatever the token), as a JSON string, so that pasted into bound_claims
// it admits that token; without the claim it keeps the placeholder.
func TestLintExampleID(t *testing.T) {
	role := jwtRole(`"bound_claims":{"repository":"octo-org/octo-repo"}`)
	hostile := "1\",\"x\":\"\\\x1b[2J\u202e"
	cases := []struct {
		name string
		id   string // JSON; "" removes the claim
		want string
	}{
		{"real ID", `"957014466"`, `"repository_id": "957014466"`},
		{"hostile ID", policy.QuoteJSON(hostile, false), `"repository_id": ` + policy.QuoteJSON(hostile, false)},
		{"no ID claim", "", `"repository_id": "<REPOSITORY_ID>"`},
		{"ID as a number", `957014466`, `"repository_id": "<REPOSITORY_ID>"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tok := tokenWith(t, map[string]string{"repository_id": tc.id})
			r := policy.SafeEvaluate(parseOne(t, role), tok)
			i := slices.IndexFunc(r.Lint, func(f policy.Finding) bool { return f.Rule == RuleNoIDs })
			if i < 0 {
				t.Fatalf("%s did not fire: %+v", RuleNoIDs, r.Lint)
			}
			_, after, _ := strings.Cut(r.Lint[i].Message, "bind the IDs, e.g. ")
			example, _, ok := strings.Cut(after, " (as strings, as GitHub sends them)")
			if !ok || example != tc.want {
				t.Fatalf("example %q, want %q (message %q)", example, tc.want, r.Lint[i].Message)
			}
			if strings.Contains(tc.want, "<") {
				return
			}
			// The example is a bound claim this token satisfies.
			fixed := jwtRole(`"bound_claims":{` + example + `}`)
			if r := policy.SafeEvaluate(parseOne(t, fixed), tok); r.Verdict != policy.Allow {
				t.Errorf("the example in bound_claims: %s %s", r.Verdict, r.Summary)
			}
		})
	}
}
