package gcp

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// TestLintExampleIDs: the names-only finding's example pins the IDs of the
// token being evaluated (issue 16 item 5: it named the demo's 65 and 74
// whatever the token), quoted as CEL strings, so that pasted as the
// attribute condition it admits that token; without the claims it keeps
// the placeholders.
func TestLintExampleIDs(t *testing.T) {
	doc := providerDoc(subjectM + `, "attributeCondition": "assertion.repository_owner == 'octo-org'"`)
	hostile := "1' || true || '\x1b[2J\u202e"
	cases := []struct {
		name        string
		owner, repo any // nil removes the claim
		want        string
	}{
		{"real IDs", "76491096", "922761846", "assertion.repository_owner_id == '76491096' && assertion.repository_id == '922761846'"},
		{"hostile owner ID", hostile, "957014466", "assertion.repository_owner_id == " + celclaims.Quote(hostile) + " && assertion.repository_id == '957014466'"},
		{"no ID claims", nil, nil, "assertion.repository_owner_id == '<REPOSITORY_OWNER_ID>' && assertion.repository_id == '<REPOSITORY_ID>'"},
		{"IDs as numbers", rawJSON("76491096"), rawJSON("922761846"), "assertion.repository_owner_id == '<REPOSITORY_OWNER_ID>' && assertion.repository_id == '<REPOSITORY_ID>'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tok := with(t, "push-main", map[string]any{"aud": refAud, "repository_owner_id": tc.owner, "repository_id": tc.repo})
			msg := namesOnlyMessage(t, policy.SafeEvaluate(parseOne(t, doc), tok))
			example, ok := exampleIn(msg)
			if !ok || example != tc.want {
				t.Fatalf("example %q, want %q (message %q)", example, tc.want, msg)
			}
			if strings.Contains(tc.want, "<") {
				return
			}
			// The example is a condition this token satisfies.
			fixed := providerDoc(subjectM + `, "attributeCondition": ` + policy.QuoteJSON(example, false))
			if r := policy.SafeEvaluate(parseOne(t, fixed), tok); r.Verdict != policy.Allow {
				t.Errorf("the example as attributeCondition: %s %s", r.Verdict, r.Summary)
			}
		})
	}
}

// TestLintNoConditionExample: the missing-condition finding's example names
// the token's owner ID too.
func TestLintNoConditionExample(t *testing.T) {
	tok := with(t, "push-main", map[string]any{"aud": refAud, "repository_owner_id": "76491096"})
	r := policy.SafeEvaluate(parseOne(t, providerDoc(subjectM)), tok)
	i := slices.IndexFunc(r.Lint, func(f policy.Finding) bool { return f.Rule == RuleNoCondition })
	if i < 0 || !strings.HasSuffix(r.Lint[i].Message, "add e.g. assertion.repository_owner_id == '76491096'") {
		t.Errorf("lint %+v lacks the token's owner ID", r.Lint)
	}
}

func namesOnlyMessage(t *testing.T, r policy.Result) string {
	t.Helper()
	i := slices.IndexFunc(r.Lint, func(f policy.Finding) bool { return f.Rule == RuleNamesOnly })
	if i < 0 {
		t.Fatalf("%s did not fire: %+v", RuleNamesOnly, r.Lint)
	}
	return r.Lint[i].Message
}

// exampleIn cuts the example condition out of the names-only message.
func exampleIn(msg string) (string, bool) {
	_, after, ok := strings.Cut(msg, "pin the immutable IDs instead, e.g. ")
	if !ok {
		return "", false
	}
	example, _, ok := strings.Cut(after, " (IDs are strings in the token")
	return example, ok
}
