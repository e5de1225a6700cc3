package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSuggestEventNotes: event_name is not a condition key AWS STS
// evaluates (it is not in the key table the reference lists), so the ref
// and workflow scopes cannot pin the event. workflow_run jobs run on the
// default branch with sub repo:O/R:ref:refs/heads/main and get in; the
// notes must say so, and name the alternative.
func TestSuggestEventNotes(t *testing.T) {
	tests := []struct {
		token string
		scope policy.Scope
		in    map[string]any // claim changes of a token the note says gets in
		notes []string
	}{
		{"push-main", policy.ScopeRef, map[string]any{"event_name": "workflow_run"},
			[]string{"event_name is not a condition key", "workflow_run", "pull_request_target", "default branch", "job_workflow_ref", "--scope workflow"}},
		// sub names an environment: the ref is pinned by the ref key, so a
		// pull_request_target job on main that references it gets in.
		{"environment-prod", policy.ScopeRef, map[string]any{"event_name": "pull_request_target"},
			[]string{"event_name is not a condition key", "workflow_run", "pull_request_target", "job_workflow_ref"}},
		{"push-main", policy.ScopeWorkflow, map[string]any{"event_name": "pull_request_target"},
			[]string{"pull_request_target or workflow_run trigger", "event_name is not a condition key"}},
	}
	for _, tt := range tests {
		t.Run(tt.token+"/"+string(tt.scope), func(t *testing.T) {
			sug, err := New().Suggest(policytest.FixtureToken(t, tt.token), tt.scope)
			if err != nil {
				t.Fatal(err)
			}
			policytest.CheckText(t, "notes", joined(sug.Notes), tt.notes, nil)
			// The note is true: that token does get in.
			in := policytest.FixtureWith(t, tt.token, tt.in)
			if r := parseOne(t, sug.Document).Evaluate(in); r.Verdict != policy.Allow {
				t.Errorf("the note says %v gets in, but it is %s: %s", tt.in, r.Verdict, r.Summary)
			}
		})
	}
	// An issuer for which AWS reads only aud and sub (GHES): the way out is
	// a sub template that includes job_workflow_ref.
	ghes := policytest.FixtureWith(t, "push-main", map[string]any{"iss": "https://ghes.example/_services/token"})
	sug, err := New().Suggest(ghes, policy.ScopeRef)
	if err != nil {
		t.Fatal(err)
	}
	policytest.CheckText(t, "notes", joined(sug.Notes), []string{"workflow_run", "sub template to include job_workflow_ref"}, []string{"--scope workflow"})

	// A tag's runs are not on the default branch: no such note.
	sug, err = New().Suggest(policytest.FixtureWith(t, "push-main", map[string]any{
		"sub": "repo:octo-org/octo-repo:ref:refs/tags/v1", "ref": "refs/tags/v1",
	}), policy.ScopeRef)
	if err != nil {
		t.Fatal(err)
	}
	policytest.CheckText(t, "notes", joined(sug.Notes), nil, []string{"workflow_run"})
}
