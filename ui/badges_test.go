package ui

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/report/view"
)

// TestClaimBadgeCountsFailuresOnly: the claim list's ✗N counts the
// conditions that failed, ! those that errored, as the text report's
// "↳ read by" line does; conditions not checked offline (n/a) are
// neither.
func TestClaimBadgeCountsFailuresOnly(t *testing.T) {
	m := plainDemo(t, 100, 30)
	cases := []struct {
		name string
		t    view.ConditionTally
		want string
	}{
		{"all pass", view.ConditionTally{Total: 3, Pass: 3}, " ✓"},
		{"pass and n/a", view.ConditionTally{Total: 10, Pass: 3, NotApplied: 7}, " ✓"},
		{"n/a only", view.ConditionTally{Total: 2, NotApplied: 2}, " n/a"},
		{"some fail", view.ConditionTally{Total: 10, Pass: 3, Fail: 2, NotApplied: 5}, " ✗2"},
		{"errored", view.ConditionTally{Total: 4, Pass: 3, Errored: 1}, " !1"},
		{"fail and errored", view.ConditionTally{Total: 4, Fail: 2, Errored: 1, NotApplied: 1}, " ✗2 !1"},
		{"none", view.ConditionTally{}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := m.claimBadges(view.Claim{Tally: c.t}); got != c.want {
				t.Errorf("claimBadges(%+v) = %q, want %q", c.t, got, c.want)
			}
		})
	}

	// The demo's exp: 3 conditions pass, 7 are not checked offline.
	d, _ := demoModel(t, 100, 30)
	for _, line := range strings.Split(d.View(), "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[0] == "exp" {
			if strings.Contains(line, "✗") {
				t.Errorf("exp's row counts n/a conditions as failures: %q", line)
			}
			return
		}
	}
	t.Errorf("no exp row in:\n%s", d.View())
}
