package octosts

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestGitHubDefaultAudienceIsTokenSide: a token requested with no
// audience carries GitHub's default (the owner's URL); octo-sts's action
// requests the STS domain, so the failing audience check is the
// workflow's to fix, and the block offers no audience line.
func TestGitHubDefaultAudienceIsTokenSide(t *testing.T) {
	pol := policytest.ParseOne(t, provider(), "a.sts.yaml", "issuer: https://token.actions.githubusercontent.com\nsubject_pattern: \"repo:octo-org/octo-repo:.*\"\npermissions:\n  contents: read\n")
	tok := policytest.FixtureWith(t, "push-main", map[string]any{"aud": "https://github.com/octo-org"})
	r := pol.Evaluate(tok)
	if r.Verdict != policy.Deny {
		t.Fatalf("verdict %s: %s", r.Verdict, r.Summary)
	}
	c := policytest.ConditionOn(t, r, "aud")
	if !c.TokenSide {
		t.Errorf("the audience condition is not token-side: %+v", c)
	}
	for _, sn := range insteadBlock(provider(), r, tok) {
		if sn.Claim == "aud" {
			t.Errorf("the block offers an audience line: %q", sn.Text)
		}
	}
}
