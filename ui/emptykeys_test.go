package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/oidcscope/oidcscope/inspect"
)

// TestEmptyPoliciesListsNoPolicyKeys: with no policy loaded, the Policies
// pane's footer offers no key that acts on a policy (enter, esc, y, d).
func TestEmptyPoliciesListsNoPolicyKeys(t *testing.T) {
	m := plainDemo(t, 100, 30)
	m = keys(t, m, "4")
	if len(m.policies()) != 0 {
		t.Fatalf("%d policies loaded", len(m.policies()))
	}
	foot := lastLine(m.View())
	for _, k := range []string{"open policy", "close policy", "copy policy name", "unload policy"} {
		if strings.Contains(foot, k) {
			t.Errorf("footer %q offers %q with no policy loaded", foot, k)
		}
	}
}

// TestCopyConditionWithoutToken: Y with only a provider's message pasted
// says there is no claim, not that "this claim" has no condition.
func TestCopyConditionWithoutToken(t *testing.T) {
	m, _ := newTestModel(t, inspect.NewSession(demoOptions(t)), nil, 100, 30)
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity"), Paste: true})
	m = keys(t, m, "enter", "Y")
	if !strings.Contains(m.flash, "no token") {
		t.Errorf("Y with no token: status %q", m.flash)
	}
}
