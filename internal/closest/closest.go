// Package closest finds the candidate nearest to a mistyped word, for the
// "did you mean" of a flag, a command, a policy key or a permission.
package closest

// Distance is the Levenshtein distance between a and b over bytes: the
// words compared (flag names, YAML keys, permission names) are ASCII.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Match is the candidate nearest to typed, fewer than limit edits away;
// the first of equally near ones; "" when none is that near.
func Match(typed string, candidates []string, limit int) string {
	best, bestD := "", limit
	for _, c := range candidates {
		if d := Distance(typed, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
