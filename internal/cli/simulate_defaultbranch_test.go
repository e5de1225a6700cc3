package cli

import "testing"

// TestSimulateDefaultBranch: --default-branch, as reach takes it, is the
// ref of a job that runs only there and the base of a pull request; a
// pull_request_target runs from it whatever the base.
func TestSimulateDefaultBranch(t *testing.T) {
	tests := []struct {
		args      []string
		ref, base string
	}{
		{[]string{"--event", "schedule", "--default-branch", "trunk"}, "refs/heads/trunk", ""},
		{[]string{"--event", "pull_request", "--default-branch", "trunk"}, "refs/pull/1/merge", "trunk"},
		{[]string{"--event", "pull_request_target", "--default-branch", "trunk", "--base-ref", "release"}, "refs/heads/trunk", "release"},
	}
	for _, tt := range tests {
		args := append([]string{"simulate", "--repo", "octo-org/octo-repo", "--json"}, tt.args...)
		code, out, errOut := runCLI(t, "", args...)
		if code != 0 {
			t.Errorf("%q: exit %d, stderr %q", tt.args, code, errOut)
			continue
		}
		got := reportClaims(t, out)
		if got["ref"] != tt.ref || got["base_ref"] != tt.base {
			t.Errorf("%q: ref %v base_ref %v, want %s %q", tt.args, got["ref"], got["base_ref"], tt.ref, tt.base)
		}
	}
}
