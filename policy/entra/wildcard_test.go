package entra

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestMatchesWorkBounded: matches takes time proportional to the pattern
// times the value when the pattern has a '*'. Past the budget the term,
// and so the credential, is an error naming the term and the budget;
// ordinary patterns still match large claims.
func TestMatchesWorkBounded(t *testing.T) {
	big := strings.Repeat("a", 700<<10)
	var terms []string
	for i := range 4 { // each within the budget, together past it
		terms = append(terms, fmt.Sprintf("claims['sub'] matches '*%s%db'", strings.Repeat("a", 400), i))
	}
	tests := []struct {
		name     string
		expr     string
		claims   map[string]string
		want     policy.Verdict
		mentions []string
	}{
		{"4 KB pattern, 700 KB sub", "claims['sub'] matches '*" + strings.Repeat("a", 4094) + "b' and claims['repository_id'] eq '74'",
			map[string]string{"sub": quote(big)}, policy.Error, []string{"claims['sub'] matches", "716800-byte", fmt.Sprint(policy.WildcardBudget)}},
		{"terms each within the budget, together past it", strings.Join(terms, " and ") + " and claims['repository_id'] eq '74'",
			map[string]string{"sub": quote(big[:20<<10])}, policy.Error, []string{"claims['sub'] matches", fmt.Sprint(policy.WildcardBudget)}},
		{"ordinary pattern, 700 KB sub", "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74'",
			map[string]string{"sub": quote("repo:octo-org/octo-repo:" + big)}, policy.Allow, nil},
		{"ordinary pattern, ordinary sub", goodFlexExpr, nil, policy.Allow, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := parseOne(t, flexibleFIC(gh, tc.expr))
			tok := azureToken(t, tc.claims)
			r := policytest.EvaluateBounded(t, func() policy.Result { return p.Evaluate(tok) }, tc.want, tc.mentions)
			policytest.CheckResult(t, policy.Entra, r)
		})
	}
}
