package simulate

import (
	"strings"
	"testing"
)

// A context GitHub never runs (a tag as a pull request's head, a
// scheduled job off the default branch, a release on a branch) is still
// simulated as asked, with a note saying GitHub would not issue it; and
// ref_protected is what GitHub issues: a pull_request runs on its merge
// ref, which no rule protects (fixtures/claims/pull-request.json), so
// --protected there is noted and not applied.
func TestImpossibleContextsAreNoted(t *testing.T) {
	tests := []struct {
		name      string
		c         Context
		note      string // a note that must be there; "" for none of these notes
		protected string
	}{
		{"tag as a pull request's head", Context{Event: "pull_request", Ref: "refs/tags/v1"}, "refs/tags/v1 is a tag", "false"},
		{"schedule off the default branch", Context{Event: "schedule", Ref: "feature"}, "GitHub runs schedule only on the default branch", "false"},
		{"workflow_run off the default branch", Context{Event: "workflow_run", Ref: "release", DefaultBranch: "trunk"}, "GitHub runs workflow_run only on the default branch, refs/heads/trunk", "false"},
		{"release on a branch", Context{Event: "release", Ref: "main"}, "GitHub runs release only on a tag", "false"},
		{"schedule on the default branch", Context{Event: "schedule", Ref: "trunk", DefaultBranch: "trunk"}, "", "false"},
		{"push protected", Context{Event: "push", Protected: true}, "", "true"},
		{"pull_request's merge ref is never protected", Context{Event: "pull_request", Protected: true}, "pull_request: the merge ref is never protected", "false"},
		{"pull_request_target runs on the default branch, which may be", Context{Event: "pull_request_target", Protected: true}, "", "true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.Repository = "o/r"
			sim, err := Build(tt.c)
			if err != nil {
				t.Fatal(err)
			}
			notes := strings.Join(sim.Notes, "\n")
			if tt.note != "" && !strings.Contains(notes, tt.note) {
				t.Errorf("notes lack %q:\n%s", tt.note, notes)
			}
			if tt.note == "" && (strings.Contains(notes, "GitHub runs") || strings.Contains(notes, "never protected")) {
				t.Errorf("a note on a context GitHub runs:\n%s", notes)
			}
			if got := sim.Claims["ref_protected"]; got != tt.protected {
				t.Errorf("ref_protected %v, want %s", got, tt.protected)
			}
		})
	}
}
