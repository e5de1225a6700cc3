package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSuggestRefDeniesDefaultBranchEvents: workflow_run jobs run on the
// default branch and their sub names it (repo:O/R:ref:refs/heads/main),
// and since 8 December 2025 pull_request_target jobs do too (whether
// their sub names the ref is unconfirmed). The ref scope pins the token's
// own event_name with claim_pattern, which keeps them out whatever their
// sub says.
func TestSuggestRefDeniesDefaultBranchEvents(t *testing.T) {
	p := provider()
	s, pol := suggestAndParse(t, p, policytest.FixtureToken(t, "push-main"), policy.ScopeRef)
	tests := []struct {
		name    string
		changes map[string]any
		want    policy.Verdict
	}{
		{"workflow_run on main", map[string]any{"event_name": "workflow_run"}, policy.Deny},
		{"pull_request_target, sub naming the ref", map[string]any{"event_name": "pull_request_target", "head_ref": "evil", "base_ref": "main"}, policy.Deny},
		{"pull_request_target, sub pull_request", map[string]any{"event_name": "pull_request_target", "sub": "repo:octo-org/octo-repo:pull_request", "head_ref": "evil", "base_ref": "main"}, policy.Deny},
		{"workflow_dispatch on main (not the token's event)", map[string]any{"event_name": "workflow_dispatch"}, policy.Deny},
		{"push, immutable sub", map[string]any{"sub": "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"}, policy.Allow},
	}
	for _, tt := range tests {
		if r := pol.Evaluate(policytest.ClaimsWith(t, "push-main", tt.changes)); r.Verdict != tt.want {
			t.Errorf("%s: %s, want %s (%s)\n%s", tt.name, r.Verdict, tt.want, r.Summary, s.Document)
		}
	}
	if !strings.Contains(s.Document, "  event_name: \"push\"\n") {
		t.Errorf("claim_pattern does not pin event_name push:\n%s", s.Document)
	}
	notes := strings.Join(s.Notes, "\n")
	for _, w := range []string{"event_name push", "pull_request_target", "workflow_run", `(?:push|workflow_dispatch)`} {
		if !strings.Contains(notes, w) {
			t.Errorf("ref notes lack %q:\n%s", w, notes)
		}
	}

	// The note's workflow_dispatch recipe works: with the pattern it gives,
	// a workflow_dispatch run on main gets in and workflow_run still not.
	widened := strings.Replace(s.Document, `event_name: "push"`, `event_name: "(?:push|workflow_dispatch)"`, 1)
	pols, err := p.Parse("widened.sts.yaml", []byte(widened))
	if err != nil {
		t.Fatal(err)
	}
	for event, want := range map[string]policy.Verdict{"workflow_dispatch": policy.Allow, "push": policy.Allow, "workflow_run": policy.Deny} {
		if r := pols[0].Evaluate(policytest.ClaimsWith(t, "push-main", map[string]any{"event_name": event})); r.Verdict != want {
			t.Errorf("widened, %s: %s, want %s (%s)", event, r.Verdict, want, r.Summary)
		}
	}

	// A token without event_name keeps only the ref and says so; a token of
	// one of those events is pinned and warned about.
	for event, want := range map[string]string{"": "no single event_name", "pull_request_target": "someone else's pull request", "workflow_run": "someone else's pull request or workflow run"} {
		edit := map[string]any{"event_name": nil}
		if event != "" {
			edit["event_name"] = event
		}
		tok := policytest.ClaimsWith(t, "push-main", edit)
		s, pol := suggestAndParse(t, p, tok, policy.ScopeRef)
		if r := pol.Evaluate(tok); r.Verdict != policy.Allow {
			t.Errorf("event_name %q: the suggestion refuses its own token: %s", event, r.Summary)
		}
		if notes := strings.Join(s.Notes, "\n"); !strings.Contains(notes, want) {
			t.Errorf("event_name %q: notes lack %q:\n%s", event, want, notes)
		}
	}
}

// TestSuggestWorkflowNotesEvents: the workflow scope pins the file at its
// ref, so the same file's runs on other triggers get in too; the note
// says so and how to pin the event.
func TestSuggestWorkflowNotesEvents(t *testing.T) {
	s, pol := suggestAndParse(t, provider(), policytest.FixtureToken(t, "push-main"), policy.ScopeWorkflow)
	if r := pol.Evaluate(policytest.ClaimsWith(t, "push-main", map[string]any{"event_name": "pull_request_target"})); r.Verdict != policy.Allow {
		t.Errorf("the note describes a pull_request_target run of the same file as let in, but it is %s", r.Verdict)
	}
	notes := strings.Join(s.Notes, "\n")
	for _, w := range []string{"pull_request_target or workflow_run trigger", `event_name: "push"`} {
		if !strings.Contains(notes, w) {
			t.Errorf("workflow notes lack %q:\n%s", w, notes)
		}
	}
}
