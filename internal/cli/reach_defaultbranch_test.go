package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestReachDefaultBranch: --default-branch names the repository's default
// branch, main when not given: a scheduled job runs on it, so a role
// pinned to main lets one in only when main is the default branch.
func TestReachDefaultBranch(t *testing.T) {
	role := filepath.Join("..", "..", "fixtures", "policies", "aws", "list-roles.json")
	tests := []struct {
		args           []string
		want, dontWant string
	}{
		{nil, "✓ schedule             refs/heads/main", "refs/heads/trunk"},
		{[]string{"--default-branch", "trunk"}, "✗ schedule             refs/heads/trunk", "schedule             refs/heads/main"},
	}
	for _, tt := range tests {
		args := append([]string{"reach", "--repo", "octo-org/octo-repo", "--policy", role, "--all"}, tt.args...)
		code, out, errOut := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%q: exit %d, stderr %q", tt.args, code, errOut)
		}
		if !strings.Contains(out, tt.want) || strings.Contains(out, tt.dontWant) {
			t.Errorf("%q: want %q and no %q in:\n%s", tt.args, tt.want, tt.dontWant, out)
		}
	}
	_, help, _ := runCLI(t, "", "reach", "--help")
	if !strings.Contains(help, "--default-branch") || !strings.Contains(help, "default main") {
		t.Errorf("reach --help does not describe --default-branch and its default:\n%s", help)
	}
}
