package aws

import (
	"fmt"
	"strings"
)

// MatchBudget caps, for one policy and one token, the work of matching
// patterns that hold a '*': policy.MatchWildcard backtracks to the last
// '*', so it takes time in proportion to the pattern's length times the
// value's (a 4,096-character pattern, which fits a trust policy, against
// a 700 KB claim took 43 s). Counted in pattern × value bytes, the budget
// is about a third of a second of matching.
const MatchBudget = 1 << 25

// wildcardCost is what matching values against patterns may cost; a
// pattern without '*' matches in linear time and costs nothing.
func wildcardCost(patterns, values []string) int {
	n := 0
	for _, p := range patterns {
		if strings.Contains(p, "*") {
			for _, x := range values {
				n += len(p) * (len(x) + 1)
			}
		}
	}
	return n
}

// afford spends cost from the request's budget; false, spending nothing,
// when the budget cannot pay.
func (r *request) afford(cost int) bool {
	if cost > r.left {
		return false
	}
	r.left -= cost
	return true
}

// likeCost is what testing and then diagnosing a StringLike condition
// against the key's value may cost: the values are matched twice (the
// test, and a negated operator's diagnosis), a hypothetical value once.
func likeCost(c *condition, v value) int {
	n := 2 * wildcardCost(c.values, v.values)
	if v.hypo != nil {
		n += wildcardCost(c.values, v.hypo.values)
	}
	return n
}

// overBudget says why a condition was not decided.
func overBudget(c *condition, v value) string {
	longest := 0
	for _, x := range append(append([]string(nil), v.values...), hypoValues(v)...) {
		longest = max(longest, len(x))
	}
	return fmt.Sprintf("oidcscope stopped matching %s against the token's %d-byte %s: its patterns with '*' times the value would pass the %d (pattern × value bytes) it spends on one policy and token, since matching such a pattern takes time in proportion to both",
		c.label, longest, c.claim, MatchBudget)
}

func hypoValues(v value) []string {
	if v.hypo == nil {
		return nil
	}
	return v.hypo.values
}
