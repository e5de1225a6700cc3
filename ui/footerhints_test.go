package ui

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestPoliciesFooterHints: the Policies pane's footer offers only keys
// that act there: esc closes a policy only while one is open (on the
// "who can assume" table it goes back to the list), / (which filters
// claims) is not offered on the policies, and w shows at 100 columns.
func TestPoliciesFooterHints(t *testing.T) {
	s := inspect.NewSession(demoOptions(t)).WithPolicies(demoPolicySet(t))
	for _, w := range []int{100, 160} {
		m, _ := newTestModel(t, s, demoToken(t), w, 30)
		m = keys(t, m, "4")
		foot := lastLine(m.View())
		if strings.Contains(foot, "close policy") {
			t.Errorf("at %d columns, no policy open, the footer offers to close one: %q", w, foot)
		}
		if strings.Contains(foot, "filter claims") {
			t.Errorf("at %d columns the Policies footer offers to filter claims: %q", w, foot)
		}
		if !strings.Contains(foot, "w who can assume") {
			t.Errorf("at %d columns the Policies footer lacks w: %q", w, foot)
		}
		o := keys(t, m, "enter")
		if foot := lastLine(o.View()); !strings.Contains(foot, "esc close policy") {
			t.Errorf("at %d columns an open policy's footer lacks esc: %q", w, foot)
		}
		r := keys(t, m, "w")
		if foot := lastLine(r.View()); strings.Contains(foot, "close policy") || !strings.Contains(foot, "esc back") {
			t.Errorf("at %d columns the who-can-assume footer: %q, want esc back and no close policy", w, foot)
		}
	}
	// The claim panes keep / in the footer.
	m, _ := newTestModel(t, s, demoToken(t), 160, 30)
	if foot := lastLine(m.View()); !strings.Contains(foot, "filter claims") {
		t.Errorf("the Claims footer at 160 columns lacks /: %q", foot)
	}
}
