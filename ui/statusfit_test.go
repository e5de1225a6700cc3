package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// TestStatusLineKeepsTallyNarrow: on a narrow terminal the status line
// gives up the kid, issuer, profile and the program's name before the
// policies' tally, which must show whole.
func TestStatusLineKeepsTallyNarrow(t *testing.T) {
	s := inspect.NewSession(demoOptions(t)).WithPolicies(demoPolicySet(t))
	for _, w := range []int{60, 64, 80} {
		cfg, _ := testConfig(s, demoToken(t))
		cfg.InputDemo = true // "demo" takes room on the line too
		cfg.DemoSession = func() (inspect.Session, error) { return s, nil }
		m := start(t, cfg, w, 20)
		tl := view.TallyOf(m.report.Policies)
		want := fmt.Sprintf("policies ✓%d ✗%d", tl.Allow, tl.Deny)
		top := strings.SplitN(m.View(), "\n", 2)[0]
		if !strings.Contains(top, want) {
			t.Errorf("at %d columns the status line %q lacks the tally %q", w, top, want)
		}
		for _, part := range []string{"demo", "valid", "expires"} {
			if !strings.Contains(top, part) {
				t.Errorf("at %d columns the status line %q lost %q", w, top, part)
			}
		}
	}
}
