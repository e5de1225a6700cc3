package gcp

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSuggestRefDeniesDefaultBranchEvents: since 8 December 2025 GitHub
// runs pull_request_target jobs on the default branch, so their token
// carries ref refs/heads/main like a push to main. The ref scope pins the
// token's own event_name as well, which keeps those jobs (and workflow_run
// ones, triggered by another workflow's run) out whatever their sub says.
func TestSuggestRefDeniesDefaultBranchEvents(t *testing.T) {
	s, err := New().Suggest(fixtureToken(t, "push-main"), policy.ScopeRef)
	if err != nil {
		t.Fatal(err)
	}
	pol := parseOne(t, s.Document)
	tests := []struct {
		name    string
		changes map[string]any
		want    policy.Verdict
	}{
		{"pull_request_target", map[string]any{"event_name": "pull_request_target", "sub": "repo:octo-org/octo-repo:pull_request", "head_ref": "evil", "base_ref": "main"}, policy.Deny},
		{"pull_request_target, sub naming the ref", map[string]any{"event_name": "pull_request_target", "head_ref": "evil", "base_ref": "main"}, policy.Deny},
		{"workflow_run", map[string]any{"event_name": "workflow_run"}, policy.Deny},
		{"push, immutable sub", map[string]any{"sub": "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"}, policy.Allow},
	}
	for _, tt := range tests {
		if r := pol.Evaluate(policytest.FixtureWith(t, "push-main", tt.changes)); r.Verdict != tt.want {
			t.Errorf("%s: %s, want %s (%s)\n%s", tt.name, r.Verdict, tt.want, r.Summary, s.Document)
		}
	}
	if !hasLine(s.Notes, "scope ref:", "event_name push", "pull_request_target") {
		t.Errorf("the ref note does not say the event is pinned and why:\n%q", s.Notes)
	}

	// A token without event_name keeps only the ref and says so; a token
	// of one of those events is warned about.
	for changes, want := range map[string]string{"": "no single event_name", "pull_request_target": "someone else's pull request", "workflow_run": "someone else's pull request or workflow run"} {
		edit := map[string]any{"event_name": nil}
		if changes != "" {
			edit["event_name"] = changes
		}
		s, err := New().Suggest(policytest.FixtureWith(t, "push-main", edit), policy.ScopeRef)
		if err != nil || !hasLine(s.Notes, want) {
			t.Errorf("event_name %q: %v, notes lack %q:\n%q", changes, err, want, s.Notes)
		}
	}
}
