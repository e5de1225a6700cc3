package view

import (
	"slices"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// Tally counts the policies' verdicts, the one count every rendering
// shows (a headline, a table's title, the UI's status line).
type Tally struct {
	Total, Allow, Deny, Error int
}

// TallyOf counts rs; a verdict that is neither allow nor deny counts as
// an error, as its mark reads.
func TallyOf(rs []policy.Result) Tally {
	t := Tally{Total: len(rs)}
	for _, r := range rs {
		switch r.Verdict {
		case policy.Allow:
			t.Allow++
		case policy.Deny:
			t.Deny++
		default:
			t.Error++
		}
	}
	return t
}

// ConditionTally counts how the loaded policies' conditions that read one
// claim came out, and names (escaped, in order, once each) the policies in
// which they did not pass.
type ConditionTally struct {
	Total, Pass, Fail, Errored, NotApplied int
	NotPassedIn                            []string
}

// TallyConditions counts cs.
func TallyConditions(cs []inspect.ClaimCondition) ConditionTally {
	t := ConditionTally{Total: len(cs)}
	var seen []string // raw names; few per claim
	for _, c := range cs {
		switch c.Result {
		case policy.Pass:
			t.Pass++
		case policy.Fail:
			t.Fail++
		case policy.Errored:
			t.Errored++
		default:
			t.NotApplied++
		}
		if c.Result != policy.Pass && !slices.Contains(seen, c.Policy) {
			seen = append(seen, c.Policy)
			t.NotPassedIn = append(t.NotPassedIn, shown(c.Policy))
		}
	}
	return t
}
