package ui

import (
	"fmt"
	"slices"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/oidcscope/oidcscope/policy"
)

// TestWhatIfGolden draws the what-if's screens on the demo at the
// smallest, the usual and a wide terminal: the edit prompt with the
// events to pick (tab has picked pull_request), the side-by-side after
// event_name became pull_request, the value prompt of an added
// environment (a, enter) with the environments the policies name, the
// demo token against the pull-request token pasted after it (n, =), and
// the main-branch role's "who can assume this" (go test ./ui -run
// TestWhatIfGolden -update rewrites them).
func TestWhatIfGolden(t *testing.T) {
	cases := []struct {
		name  string
		steps func(t *testing.T, m Model) Model
	}{
		{"edit-prompt", func(t *testing.T, m Model) Model {
			return keys(t, pickClaim(t, m, "event_name"), "e", "tab")
		}},
		{"side-by-side", func(t *testing.T, m Model) Model {
			return keys(t, editClaim(t, m, "event_name", "pull_request"), "=")
		}},
		{"add-environment", func(t *testing.T, m Model) Model {
			return keys(t, m, "a", "enter")
		}},
		{"previous-vs-this-token", func(t *testing.T, m Model) Model {
			return keys(t, pasteToken(t, m, staticToken(t, "pull-request")), "=")
		}},
		{"who-can-assume", func(t *testing.T, m Model) Model {
			m = keys(t, m, "4")
			m.policySel = slices.IndexFunc(m.policies(), func(r policy.Result) bool { return r.Name == mainRole })
			return keys(t, m, "w")
		}},
	}
	for _, tc := range cases {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 35}} {
			t.Run(fmt.Sprintf("%s-%dx%d", tc.name, size[0], size[1]), func(t *testing.T) {
				m, _ := demoModel(t, size[0], size[1])
				view := tc.steps(t, m).View()
				assertSafe(t, view, size[0], size[1])
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}
