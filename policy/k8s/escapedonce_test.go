package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
)

// TestActualQuotedOnce: a string claim in the values of a rule reading
// several claims stands raw between quotes, so the view escapes it once.
func TestActualQuotedOnce(t *testing.T) {
	p := parseOne(t, doc(issuerAud+"  claimValidationRules:\n  - expression: \"claims.repository_id == '74' && claims.ref == 'refs/heads/main'\"\n"+userSub))
	escapetest.Each(t, func(t *testing.T, v string) {
		r := p.Evaluate(k8sPushMain(t, map[string]string{"ref": v}))
		c := cond(t, r, "claims.ref == 'refs/heads/main'")
		escapetest.WantShownOnce(t, "actual", c.Actual, `repository_id="74", ref="`+v+`"`)
	})
}
