package entra

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// overBudget says why a term was not decided.
func overBudget(t term, val string) string {
	return fmt.Sprintf("oidcscope stopped matching %s against the token's %d-byte %s: the pattern times the value would pass the %d (pattern × value bytes) it spends on one credential and token, since matching a pattern with '*' takes time in proportion to both",
		t.Text, len(val), t.Claim, policy.WildcardBudget)
}

// MaxExpressionBytes caps a claimsMatchingExpression: parsing and checking
// one costs a few microseconds a byte, so a megabyte took seconds and a
// document of tens of megabytes minutes. Entra does not document a limit;
// its flexible credentials hold a handful of terms, far below this.
const MaxExpressionBytes = 16 << 10
