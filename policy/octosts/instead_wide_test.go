package octosts

import (
	"regexp"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestInsteadNeverWiderThanTheRepository: over every fixture policy,
// crafted ones (owner and enterprise claim patterns under a subject
// pattern any repository matches, an audience pattern, no audience) and
// every static token, also requested with each other provider's default
// audience, the block "Conditions this token satisfies instead" (the
// token's snippets and the fixes) holds nothing on an owner-scope claim,
// which alone would let in every repository of the owner or enterprise;
// no fix names another provider's audience (pasted, octo-sts would accept
// tokens minted for that provider); and a token requested for another
// provider gets no audience line at all: that refusal is the workflow's.
func TestInsteadNeverWiderThanTheRepository(t *testing.T) {
	p := provider()
	var pols []policy.Policy
	for _, pol := range policytest.FixturePolicies(t, p, "octo-sts", "*.sts.yaml") {
		pols = append(pols, pol)
	}
	const iss = "issuer: https://token.actions.githubusercontent.com\n"
	for _, doc := range []string{
		iss + "subject_pattern: \"repo:.*\"\nclaim_pattern:\n  repository_owner: other-org\n  repository_owner_id: \"99\"\n",
		iss + "subject_pattern: \"repo:.*\"\nclaim_pattern:\n  enterprise: other-enterprise\n  enterprise_id: \"999\"\n  repository_id: \"1\"\n",
		iss + "subject_pattern: \"repo:octo-org/.*\"\naudience_pattern: \"octo-sts\\\\.dev\"\nclaim_pattern:\n  repository_owner: \"octo-org|other-org\"\n",
		iss + "subject_pattern: \"repo:octo-org/octo-repo:.*\"\n",
	} {
		pols = append(pols, parseOne(t, p, doc))
	}
	others := policytest.OtherAudiences("")
	toks := map[string]policy.Token{}
	for _, name := range policytest.FixtureNames() {
		toks[name] = policytest.FixtureToken(t, name)
		for _, a := range others {
			toks[name+" for "+a] = policytest.FixtureWith(t, name, map[string]any{"aud": a})
		}
	}
	for _, pol := range pols {
		for name, tok := range toks {
			r := pol.Evaluate(tok)
			forOther := strings.Contains(name, " for ")
			for _, sn := range insteadBlock(p, r, tok) {
				if policy.OwnerScope(sn.Claim) || ownerLine.MatchString(sn.Text) {
					t.Errorf("%s/%s: an owner-scope condition in the block: %s (%s)", pol.Source(), name, sn.Text, sn.Note)
				}
				if sn.Claim == "aud" && forOther {
					t.Errorf("%s/%s: the token was requested for another provider, yet the block offers %s (%s)", pol.Source(), name, sn.Text, sn.Note)
				}
			}
			for _, fx := range r.Fixes {
				for _, a := range others {
					if strings.Contains(fx.Text, a) || strings.Contains(fx.Text, regexp.QuoteMeta(a)) {
						t.Errorf("%s/%s: a fix names %s, another provider's audience: %s", pol.Source(), name, a, fx.Text)
					}
				}
			}
		}
	}
}

// ownerLine is a claim_pattern line on an owner-scope claim.
var ownerLine = regexp.MustCompile(`(?m)^\s*(repository_owner(_id)?|enterprise(_id)?):`)

// insteadBlock is report/view's InsteadSnippets for an octo-sts result:
// Result.Instead over the token's snippets for the claims it has.
func insteadBlock(p *Provider, r policy.Result, tok policy.Token) []policy.Snippet {
	return policytest.InsteadBlock(r, tok, p.Snippets(tok))
}
