package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestUnloadPolicy: d in the Policies pane unloads the selected policy's
// document, the report follows, and the pane's help names the key (issue
// 16, item 11).
func TestUnloadPolicy(t *testing.T) {
	tok := demoToken(t)
	s, failures := inspect.NewSession(demoOptions(t)).WithPolicyFiles(
		filepath.Join("..", "fixtures", "policies", "aws", "trust-environment-prod.json"),
		filepath.Join("..", "fixtures", "policies", "aws", "trust-deny-pull-requests.json"))
	if len(failures) > 0 {
		t.Fatal(failures)
	}
	m, _ := newTestModel(t, s, tok, 100, 30)
	m = keys(t, m, "4")
	if len(m.report.Policies) != 2 {
		t.Fatalf("%d policies loaded", len(m.report.Policies))
	}
	if foot := lastLine(m.View()); !strings.Contains(foot, "d unload") {
		t.Errorf("the Policies pane's footer does not name d: %q", foot)
	}
	m = keys(t, m, "?")
	contains(t, m.View(), "unload")
	m = keys(t, m, "esc")

	gone := m.policies()[m.policySel].Source
	m = keys(t, m, "d")
	if len(m.report.Policies) != 1 || m.report.Policies[0].Source == gone {
		t.Fatalf("after d: policies %+v", m.report.Policies)
	}
	contains(t, m.View(), "unloaded "+gone)
	m = keys(t, m, "d")
	if len(m.report.Policies) != 0 || m.session.PolicyCount() != 0 {
		t.Fatalf("after d d: %d policies", len(m.report.Policies))
	}
	// No policy left: the claims list what they would satisfy again.
	m = selectClaim(t, m, "repository_id")
	if len(m.selectedClaim().WouldSatisfy) == 0 {
		t.Error("with every policy unloaded, no ready-to-paste conditions")
	}
}
