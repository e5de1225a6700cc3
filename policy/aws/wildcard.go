package aws

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// wildcardCost is what matching values against patterns may cost, counted
// as policy.WildcardCost counts it: pattern × value bytes for a pattern
// with a '*' wildcard, nothing for one without.
func wildcardCost(patterns []resolvedValue, values []string) int {
	n := 0
	for _, p := range patterns {
		if p.state != varValue || !p.pat.hasStar() {
			continue
		}
		for _, x := range values {
			n += len(p.pat.text) * (len(x) + 1)
		}
	}
	return n
}

// likeCost is what testing and then diagnosing a StringLike condition
// against the key's value may cost: the values are matched twice (the
// test, and a negated operator's diagnosis), a hypothetical value once.
func likeCost(vals []resolvedValue, v value) int {
	n := 2 * wildcardCost(vals, v.values)
	if v.hypo != nil {
		n += wildcardCost(vals, v.hypo.values)
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
		c.label, longest, c.claim, policy.WildcardBudget)
}

// overSubstitution says why a condition whose variables were not replaced
// was not decided.
func overSubstitution(c *condition) string {
	return fmt.Sprintf("oidcscope stopped replacing the policy variables of %s: the text they produce would pass the %d bytes of work it spends on one policy and token", c.label, policy.WildcardBudget)
}

func hypoValues(v value) []string {
	if v.hypo == nil {
		return nil
	}
	return v.hypo.values
}
