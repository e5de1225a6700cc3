package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPolicyFolderGivenAsFile: a folder named with --policy is a usage
// error (exit 2, no report) that points to --policy-dir, on every command
// that takes --policy, rather than a policy that failed to read.
func TestPolicyFolderGivenAsFile(t *testing.T) {
	dir := filepath.Join("..", "..", "fixtures", "policies", "aws")
	for _, args := range [][]string{
		{"inspect", "--demo", "--policy", dir},
		{"simulate", "--repo", "octo-org/octo-repo", "--event", "push", "--policy", dir},
		{"reach", "--repo", "octo-org/octo-repo", "--policy", dir},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %q; want exit 2 and no report", args, code, out, errOut)
			continue
		}
		if !strings.Contains(errOut, "--policy "+dir) || !strings.Contains(errOut, "--policy-dir") {
			t.Errorf("%q: stderr %q, want it to name the folder and --policy-dir", args, errOut)
		}
	}
}
