package reach

import (
	"slices"
	"testing"
)

// The repository's default branch, when it is not main: the jobs that run
// only on the default branch (schedule) run on it, the table tries it
// beside the refs the policy names, and the deploy-main role, which pins
// refs/heads/main, no longer lets a scheduled job in.
func TestReachOnAnotherDefaultBranch(t *testing.T) {
	p := legacyDeployMain(t)
	tests := []struct {
		branch  string
		allowed []string
		refs    []string // every row of these events is on one of these
	}{
		{"", []string{"push refs/heads/main", "workflow_dispatch refs/heads/main", "schedule refs/heads/main"}, []string{"refs/heads/main"}},
		{"trunk", []string{"push refs/heads/main", "workflow_dispatch refs/heads/main"}, []string{"refs/heads/trunk"}},
		{"refs/heads/trunk", []string{"push refs/heads/main", "workflow_dispatch refs/heads/main"}, []string{"refs/heads/trunk"}},
	}
	for _, tt := range tests {
		ctx := base()
		ctx.DefaultBranch = tt.branch
		table, err := Of(p, ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range table.Allowed() {
			got = append(got, r.Event+" "+r.Ref)
		}
		if !slices.Equal(got, tt.allowed) {
			t.Errorf("default branch %q: lets in %q, want %q", tt.branch, got, tt.allowed)
		}
		pushedOn := map[string]bool{}
		for _, r := range table.Rows {
			if r.Event == "schedule" && !slices.Contains(tt.refs, r.Ref) {
				t.Errorf("default branch %q: a schedule row on %s", tt.branch, r.Ref)
			}
			if r.Event == "push" {
				pushedOn[r.Ref] = true
			}
		}
		for _, ref := range tt.refs {
			if !pushedOn[ref] {
				t.Errorf("default branch %q: no push row on %s (rows on %v)", tt.branch, ref, pushedOn)
			}
		}
	}
}
