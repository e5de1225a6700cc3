package vault

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestAudienceForAnotherProviderIsTokenSide: over every fixture role,
// roles binding an audience the tokens miss or none, and every static
// token requested with another provider's default audience, the failing
// bound_audiences condition is the token's side and the block "Conditions
// this token satisfies instead" offers no bound_audiences: pasted, the
// role would accept tokens minted for that provider. GitHub's default
// audience (the owner's URL) is not another provider's for Vault, whose
// docs bind it: there the block still offers it.
func TestAudienceForAnotherProviderIsTokenSide(t *testing.T) {
	var pols []policy.Policy
	for _, pol := range policytest.FixturePolicies(t, New(), "vault", "*.json") {
		pols = append(pols, pol)
	}
	pols = append(pols,
		parseOne(t, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["https://vault.example.com"]}`),
		parseOne(t, `{"role_type":"jwt","user_claim":"repository","bound_claims":{"repository_id":"74"}}`))
	failures := 0
	for _, pol := range pols {
		for _, name := range policytest.FixtureNames() {
			for _, aud := range append(otherAudiences(), "https://github.com/octo-org") {
				tok := policytest.FixtureWith(t, name, map[string]any{"aud": aud})
				r := pol.Evaluate(tok)
				other := !strings.HasPrefix(aud, "https://github.com/")
				for _, c := range r.Conditions {
					if c.Result != policy.Fail || !slices.Contains(c.Claims, "aud") {
						continue
					}
					failures++
					if c.TokenSide != other {
						t.Errorf("%s/%s for %s: %s: TokenSide = %v, want %v", pol.Source(), name, aud, c.Expression, c.TokenSide, other)
					}
				}
				offered := false
				for _, sn := range insteadBlock(r, tok) {
					if sn.Claim == "aud" || strings.Contains(sn.Text, "bound_audiences") {
						offered = true
						if other {
							t.Errorf("%s/%s: the token was requested for another provider (%s), yet the block offers %s", pol.Source(), name, aud, sn.Text)
						}
					}
				}
				if !other && !offered && r.Verdict == policy.Deny && failedOn(r, "aud") {
					t.Errorf("%s/%s for %s: the role may mean GitHub's default audience, yet the block offers no bound_audiences", pol.Source(), name, aud)
				}
			}
		}
	}
	if failures == 0 {
		t.Fatal("no audience condition failed: the test checks nothing")
	}
}

// failedOn reports whether a failing condition of r reads claim.
func failedOn(r policy.Result, claim string) bool {
	return slices.ContainsFunc(r.Conditions, func(c policy.Condition) bool {
		return c.Result == policy.Fail && slices.Contains(c.Claims, claim)
	})
}

// otherAudiences are the other providers' default audiences, Google
// Cloud's placeholders filled.
func otherAudiences() []string {
	fill := regexp.MustCompile(`<[a-z]+>`)
	var out []string
	for _, prov := range policy.ProviderAudiences() {
		if a := fill.ReplaceAllString(prov.Audience, "x1"); prov.ID != policy.Vault && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}
