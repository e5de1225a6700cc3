package policy

import "slices"

// verdictRank is the order results are listed in: what the token may do
// first, then what refuses it, then what could not be evaluated.
func verdictRank(v Verdict) int {
	switch v {
	case Allow:
		return 0
	case Deny:
		return 1
	case Error:
		return 2
	}
	return 0
}

// SortResults returns a copy of results with allowed policies first, then
// denied, then errors, keeping the load order within each group: the
// "which roles can this token assume" order of every rendering. It lives
// in the core so that renderers sort without importing the providers.
func SortResults(results []Result) []Result {
	out := slices.Clone(results)
	slices.SortStableFunc(out, func(a, b Result) int { return verdictRank(a.Verdict) - verdictRank(b.Verdict) })
	return out
}
