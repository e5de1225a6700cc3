package fetchrun

import (
	"fmt"
	"slices"

	"github.com/oidcscope/oidcscope/policy"
)

// Plan is one token fetch asks the runner for, and the policies it is
// checked against. Each audience is its own token.
type Plan struct {
	Audience string // "" for GitHub's default, the repository owner's URL
	Policies []policy.Policy
	Why      string // how the audience was chosen, for the report's notes
}

// What names the token in messages.
func (p Plan) What() string {
	if p.Audience == "" {
		return "token for GitHub's default audience"
	}
	return "token for audience " + p.Audience
}

// Heading names the token in titles.
func (p Plan) Heading() string { return "T" + p.What()[1:] }

// PlanTokens decides which tokens to request. Audiences given with
// --audience are requested as given. Otherwise the policies say which
// audiences they accept (policy.AudienceHinter), and the fewest audiences
// that cover them all are requested, each policy checked against a token it
// would accept: an AWS role is not shown failing on the token requested
// for Entra. A policy that names no audience (or none of those requested)
// is checked against every token. With no audience known at all, one token
// is requested with GitHub's default.
func PlanTokens(requested []string, pols []policy.Policy) []Plan {
	hints := make([][]string, len(pols))
	for i, p := range pols {
		hints[i] = policy.Audiences(p)
	}
	var plans []Plan
	if len(requested) > 0 {
		for _, a := range policy.AppendAudiences(nil, requested...) {
			plans = append(plans, Plan{Audience: a, Why: "requested with --audience"})
		}
	} else {
		plans = coverAudiences(hints)
	}
	if len(plans) == 0 {
		plans = []Plan{{Why: "no given policy names an audience, so none was requested and GitHub used its default (the repository owner's URL)"}}
	}
	for i, p := range pols {
		n := slices.IndexFunc(plans, func(t Plan) bool { return slices.Contains(hints[i], t.Audience) })
		if n >= 0 {
			plans[n].Policies = append(plans[n].Policies, p)
			continue
		}
		for j := range plans {
			plans[j].Policies = append(plans[j].Policies, p)
		}
	}
	return plans
}

// coverAudiences picks audiences greedily, each time the one most of the
// policies not yet covered accept (the first named on a tie), until every
// policy that names an audience accepts one of them.
func coverAudiences(hints [][]string) []Plan {
	covered := make([]bool, len(hints))
	var plans []Plan
	for {
		var order []string
		count := map[string]int{}
		for i, h := range hints {
			if covered[i] {
				continue
			}
			for _, a := range h {
				if count[a] == 0 {
					order = append(order, a)
				}
				count[a]++
			}
		}
		if len(order) == 0 {
			return plans
		}
		best := order[0]
		for _, a := range order[1:] {
			if count[a] > count[best] {
				best = a
			}
		}
		for i, h := range hints {
			if slices.Contains(h, best) {
				covered[i] = true
			}
		}
		plans = append(plans, Plan{Audience: best, Why: expectedBy(count[best])})
	}
}

// expectedBy says why an audience was requested: n of the policies expect
// it. It is printed above the report in which those policies may deny
// the token, so it must not read as their verdict ("accepted by 2").
func expectedBy(n int) string {
	verb := "expect"
	if n == 1 {
		verb = "expects"
	}
	return fmt.Sprintf("the audience %d of the given policies %s", n, verb)
}
