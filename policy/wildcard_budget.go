package policy

import "strings"

// WildcardBudget is what one evaluation of a policy against a token may
// spend on MatchWildcard with patterns that hold a '*', counted in pattern
// × value bytes: such a match backtracks to the last '*', so it takes time
// in proportion to both (a 4,096-character AWS StringLike pattern against
// a 700 KB claim took 43 s). The budget is about a third of a second of
// matching; past it, a provider reports the condition as an error.
const WildcardBudget = 1 << 25

// WildcardMeter is what wildcard matching may still spend in one
// evaluation. Start one with NewWildcardMeter for each policy and token.
type WildcardMeter struct{ left int }

// NewWildcardMeter holds the whole WildcardBudget.
func NewWildcardMeter() *WildcardMeter { return &WildcardMeter{left: WildcardBudget} }

// WildcardCost is what matching value against pattern may cost; a
// pattern without '*' matches in linear time and costs nothing.
func WildcardCost(pattern, value string) int {
	if !strings.Contains(pattern, "*") {
		return 0
	}
	return len(pattern) * (len(value) + 1)
}

// Afford spends cost from the meter; false, spending nothing, when the
// meter cannot pay.
func (m *WildcardMeter) Afford(cost int) bool {
	if cost > m.left {
		return false
	}
	m.left -= cost
	return true
}
