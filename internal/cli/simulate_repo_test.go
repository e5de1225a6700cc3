package cli

import (
	"strings"
	"testing"
)

// TestRepoFlagRequired: simulate and reach without --repo name the
// missing flag, as the other usage errors name what to give (reach's
// "give the policy: --policy FILE …"), exit 2, rather than "repository ""
// is not OWNER/REPO".
func TestRepoFlagRequired(t *testing.T) {
	for _, args := range [][]string{
		{"simulate", "--event", "pull_request"},
		{"simulate"},
		{"reach", "--policy", "../../fixtures/policies/aws/trust-environment-prod.json"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != exitProblem {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if want := "oidcscope: give the repository: --repo OWNER/REPO\n"; !strings.HasPrefix(errOut, want) || out != "" {
			t.Errorf("%v: stderr %q, stdout %q: want stderr to start %q and no stdout", args, errOut, out, want)
		}
	}
}
