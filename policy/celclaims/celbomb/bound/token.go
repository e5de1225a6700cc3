package bound

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// Token is push-main with the claims the bombs feed on (celbomb.Claims),
// the token every CEL provider's cost-bomb tests evaluate.
func Token(tb testing.TB) policy.Token {
	tb.Helper()
	return policytest.ClaimsWith(tb, "push-main", celbomb.Claims())
}
