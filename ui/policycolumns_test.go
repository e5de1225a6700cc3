package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/oidcscope/oidcscope/report/view"
)

// TestPolicyNamesLineUp: in the Policies list every policy's name starts
// in the same column, whatever its provider's name (crates.io is the
// widest).
func TestPolicyNamesLineUp(t *testing.T) {
	m, _ := demoModel(t, 140, 40)
	m = keys(t, m, "4")
	list := strings.Split(m.policyList(140, 40), "\n")
	col, seen := -1, map[string]bool{}
	for i, p := range m.policies() {
		if i >= len(list) {
			break
		}
		v := view.PolicyOf(m.report, p)
		at := strings.Index(list[i], v.Name)
		if at < 0 {
			t.Fatalf("row %d lacks %q: %q", i, v.Name, list[i])
		}
		c := lipgloss.Width(list[i][:at])
		seen[v.Provider] = true
		if col < 0 {
			col = c
		} else if c != col {
			t.Errorf("%s policy %q starts at column %d, the first at %d:\n%s", v.Provider, v.Name, c, col, list[i])
		}
	}
	if !seen["crates.io"] {
		t.Error("the demo lists no crates.io policy to line up")
	}
}
