package entra

import (
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestLongExpressionRefused: parsing and checking an expression costs a
// few microseconds a byte, so a megabyte-long claimsMatchingExpression
// took seconds and a document of tens of megabytes minutes. Past
// MaxExpressionBytes the credential is an error naming the limit, at
// once; expressions of every realistic length still evaluate.
func TestLongExpressionRefused(t *testing.T) {
	term := "claims['repository_id'] eq '74' and "
	long := strings.Repeat(term, (1<<20)/len(term)) + goodFlexExpr
	start := time.Now()
	p := parseOne(t, flexibleFIC(gh, long))
	r := policytest.EvaluateBounded(t, func() policy.Result { return p.Evaluate(azureToken(t, nil)) }, policy.Error, []string{"claimsMatchingExpression", "bytes"})
	if d := time.Since(start); d > 2*time.Second { // a guard: unbounded, this takes several seconds
		t.Errorf("a 1 MiB expression took %v to refuse", d)
	}
	policytest.CheckResult(t, policy.Entra, r)

	// At the limit: still evaluated.
	atLimit := strings.Repeat(term, (MaxExpressionBytes-len(goodFlexExpr))/len(term)) + goodFlexExpr
	policytest.EvaluateBounded(t, func() policy.Result { return parseOne(t, flexibleFIC(gh, atLimit)).Evaluate(azureToken(t, nil)) }, policy.Allow, nil)
}
