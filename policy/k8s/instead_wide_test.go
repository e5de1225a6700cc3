package k8s

import (
	"regexp"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestInsteadNeverWiderThanTheRepository: over every fixture document,
// rules on another owner or enterprise, and every static token, the block
// "Conditions this token satisfies instead" holds no CEL term and no
// requiredValue rule on an owner-scope claim: pasted in place of the
// failing rule, it would let in every repository of the token's owner or
// enterprise.
func TestInsteadNeverWiderThanTheRepository(t *testing.T) {
	var pols []policy.Policy
	for _, glob := range []string{"*.yaml", "*.json"} {
		for _, pol := range policytest.FixturePolicies(t, New(), "k8s", glob) {
			pols = append(pols, pol)
		}
	}
	for _, rule := range []string{
		`- expression: "claims.repository_owner_id == '99'"`,
		`- expression: "claims.repository_owner == 'other-org' && claims.ref == 'refs/heads/main'"`,
		`- expression: "claims.enterprise_id == '999' && claims.repository_id == '74'"`,
		`- {claim: repository_owner_id, requiredValue: "99"}`,
	} {
		pols = append(pols, parseOne(t, doc("  issuer:\n    url: "+ghIssuer+"\n    audiences: [sts.amazonaws.com]\n  claimValidationRules:\n  "+rule+"\n  claimMappings:\n    username:\n      claim: sub\n      prefix: \"\"\n")))
	}
	owner := regexp.MustCompile(`claims\.(repository_owner(_id)?|enterprise(_id)?)\b|claim: (repository_owner(_id)?|enterprise(_id)?),`)
	for _, pol := range pols {
		for _, name := range policytest.FixtureNames() {
			tok := policytest.FixtureToken(t, name)
			for _, sn := range insteadBlock(pol.Evaluate(tok), tok) {
				if policy.OwnerScope(sn.Claim) || owner.MatchString(sn.Text) {
					t.Errorf("%s/%s: an owner-scope rule in the block: %s (%s)", pol.Source(), name, sn.Text, sn.Note)
				}
			}
		}
	}
}

// insteadBlock is report/view's InsteadSnippets for a Kubernetes result:
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
