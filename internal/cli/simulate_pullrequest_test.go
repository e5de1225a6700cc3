package cli

import "testing"

// TestSimulatePullRequestHeadBranch: a pull request simulated on the
// default branch comes from another branch (GitHub runs no pull request
// of a branch into itself), and --head-ref names that branch.
func TestSimulatePullRequestHeadBranch(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		head, base string
	}{
		{"default", nil, "feature", "main"},
		{"ref names the base: a fork's main", []string{"--ref", "main"}, "main", "main"},
		{"head named", []string{"--head-ref", "fix/login"}, "fix/login", "main"},
		{"head and base named", []string{"--head-ref", "fix/login", "--base-ref", "develop"}, "fix/login", "develop"},
	}
	for _, tt := range tests {
		for _, event := range []string{"pull_request", "pull_request_target"} {
			t.Run(tt.name+" "+event, func(t *testing.T) {
				args := append([]string{"simulate", "--repo", "octo-org/octo-repo", "--event", event, "--json"}, tt.args...)
				code, out, errOut := runCLI(t, "", args...)
				if code != 0 {
					t.Fatalf("exit %d, stderr %q", code, errOut)
				}
				got := reportClaims(t, out)
				if got["head_ref"] != tt.head || got["base_ref"] != tt.base {
					t.Errorf("head_ref %v base_ref %v, want %s %s", got["head_ref"], got["base_ref"], tt.head, tt.base)
				}
			})
		}
	}
}
