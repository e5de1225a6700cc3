package policytest

import (
	"regexp"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// InsteadBlock is report/view's InsteadSnippets for a result of one
// provider: Result.Instead over snippets (the provider's for tok) of the
// claims tok carries, as inspect files them under the token's claims.
func InsteadBlock(r policy.Result, tok policy.Token, snippets []policy.Snippet) []policy.Snippet {
	var carried []policy.Snippet
	for _, sn := range snippets {
		if _, present := tok.Claim(sn.Claim); present {
			carried = append(carried, sn)
		}
	}
	return r.Instead(carried)
}

// OtherAudiences are the default audiences of every provider but self
// ("" for none left out), Google Cloud's placeholders filled.
func OtherAudiences(self string) []string {
	fill := regexp.MustCompile(`<[a-z]+>`)
	var out []string
	for _, prov := range policy.ProviderAudiences() {
		if a := fill.ReplaceAllString(prov.Audience, "x1"); prov.ID != self && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// CheckInsteadNeverOwnerScope checks, over pols and every static token,
// that the block "Conditions this token satisfies instead" holds nothing
// on an owner or enterprise claim (policy.OwnerScope, or a text ownerText
// matches): pasted in place of a failing condition, it would let in every
// repository of the token's owner or enterprise.
func CheckInsteadNeverOwnerScope(t *testing.T, p policy.Provider, pols []policy.Policy, ownerText *regexp.Regexp) {
	t.Helper()
	for _, pol := range pols {
		for _, name := range FixtureNames() {
			tok := FixtureToken(t, name)
			for _, sn := range InsteadBlock(pol.Evaluate(tok), tok, p.Snippets(tok)) {
				if policy.OwnerScope(sn.Claim) || ownerText.MatchString(sn.Text) {
					t.Errorf("%s/%s: an owner-scope condition in the block: %s (%s)", pol.Source(), name, sn.Text, sn.Note)
				}
			}
		}
	}
}
