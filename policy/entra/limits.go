package entra

import (
	"fmt"
	"strings"
)

// MatchBudget caps, for one credential and one token, the work of
// matching patterns that hold a '*': policy.MatchWildcard backtracks to the
// last '*', and the segment-bound regular expression runs in time
// proportional to the pattern, so either takes time in proportion to the
// pattern's length times the value's (seconds for a few kilobytes against
// a 700 KB claim). Counted in pattern × value bytes, the budget is about a
// third of a second of matching.
const MatchBudget = 1 << 25

// meter is what matching may still spend for one evaluation.
type meter struct{ left int }

// afford spends what matching pattern against value may cost (nothing
// for a pattern without '*', which matches in linear time); false,
// spending nothing, when the budget cannot pay.
func (m *meter) afford(pattern, value string) bool {
	cost := 0
	if strings.Contains(pattern, "*") {
		cost = len(pattern) * (len(value) + 1)
	}
	if cost > m.left {
		return false
	}
	m.left -= cost
	return true
}

// overBudget says why a term was not decided.
func overBudget(t term, val string) string {
	return fmt.Sprintf("oidcscope stopped matching %s against the token's %d-byte %s: the pattern times the value would pass the %d (pattern × value bytes) it spends on one credential and token, since matching a pattern with '*' takes time in proportion to both",
		t.Text, len(val), t.Claim, MatchBudget)
}

// MaxExpressionBytes caps a claimsMatchingExpression: parsing and checking
// one costs a few microseconds a byte, so a megabyte took seconds and a
// document of tens of megabytes minutes. Entra does not document a limit;
// its flexible credentials hold a handful of terms, far below this.
const MaxExpressionBytes = 16 << 10
