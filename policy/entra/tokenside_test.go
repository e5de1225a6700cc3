package entra

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestAudienceForAnotherProviderIsTokenSide: over every fixture
// credential, one with a non-standard audience, and every static token
// requested with another provider's default audience or with GitHub's
// default (the owner's URL: the workflow asked for none, where
// Azure/login requests api://AzureADTokenExchange), the failing audiences
// condition is the token's side and the block "Conditions this token
// satisfies instead" offers no audiences line.
func TestAudienceForAnotherProviderIsTokenSide(t *testing.T) {
	var pols []policy.Policy
	for _, pol := range policytest.FixturePolicies(t, New(), "entra", "*.json") {
		pols = append(pols, pol)
	}
	pols = append(pols, parseOne(t, standardFIC(GitHubIssuer, "repo:octo-org/octo-repo:ref:refs/heads/main", `["api://my-app"]`)))
	failures := 0
	for _, pol := range pols {
		for _, name := range policytest.FixtureNames() {
			for _, aud := range append(otherAudiences(), "https://github.com/octo-org") {
				tok := policytest.FixtureWith(t, name, map[string]any{"aud": aud})
				r := pol.Evaluate(tok)
				for _, c := range r.Conditions {
					if c.Result != policy.Fail || !slices.Contains(c.Claims, "aud") {
						continue
					}
					failures++
					if !c.TokenSide {
						t.Errorf("%s/%s for %s: %s: not TokenSide", pol.Source(), name, aud, c.Expression)
					}
				}
				for _, sn := range insteadBlock(r, tok) {
					if sn.Claim == "aud" || strings.Contains(sn.Text, `"audiences"`) {
						t.Errorf("%s/%s: the token was requested for someone else (%s), yet the block offers %s", pol.Source(), name, aud, sn.Text)
					}
				}
			}
		}
	}
	if failures == 0 {
		t.Fatal("no audience condition failed: the test checks nothing")
	}
}

// insteadBlock is report/view's InsteadSnippets for an Entra result:
// Result.Instead over the token's snippets for the claims it has.
func insteadBlock(r policy.Result, tok policy.Token) []policy.Snippet {
	var carried []policy.Snippet
	for _, sn := range New().Snippets(tok) {
		if _, present := tok.Claim(sn.Claim); present {
			carried = append(carried, sn)
		}
	}
	return r.Instead(carried)
}

// otherAudiences are the other providers' default audiences, Google
// Cloud's placeholders filled.
func otherAudiences() []string {
	fill := regexp.MustCompile(`<[a-z]+>`)
	var out []string
	for _, prov := range policy.ProviderAudiences() {
		if a := fill.ReplaceAllString(prov.Audience, "x1"); prov.ID != policy.Entra && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}
