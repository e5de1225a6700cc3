package view

import "github.com/oidcscope/oidcscope/policy"

// Details are the policies of ps a report details (Detailed with alone
// when ps holds one policy and alone is set), in the order it details
// them: errors first, whose reason the table of verdicts does not give,
// then denials, then allowed policies with lint errors; at most
// DetailLimit of them, and how many it leaves out.
func Details(ps []Policy, alone bool) (shown []Policy, more int) {
	alone = alone && len(ps) == 1
	for _, rank := range []func(Policy) bool{
		func(p Policy) bool { return p.Verdict == policy.Error },
		func(p Policy) bool { return p.Verdict != policy.Error && p.Verdict != policy.Allow },
		func(p Policy) bool { return p.Verdict == policy.Allow },
	} {
		for _, p := range ps {
			if !rank(p) || !p.Detailed(alone) {
				continue
			}
			if len(shown) == DetailLimit {
				more++
				continue
			}
			shown = append(shown, p)
		}
	}
	return shown, more
}
