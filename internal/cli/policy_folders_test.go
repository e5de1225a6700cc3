package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyPolicyFolder: a --policy-dir folder in which no policy
// document is found is an input error (exit 2) naming the folder, on
// every command that takes one, even beside policies that were found: a
// gate that was asked for a policy must not pass having evaluated none.
func TestEmptyPolicyFolder(t *testing.T) {
	empty := t.TempDir()
	for name, body := range map[string]string{"package.json": `{"name":"x"}`, "README.md": "# policies\n"} {
		if err := os.WriteFile(filepath.Join(empty, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bare := t.TempDir()
	full := filepath.Join("..", "..", "fixtures", "policies", "gcp")
	tok, at := staticToken(t)
	keys := []string{"--jwks", "../../fixtures/demo-jwks.json", "--at", at}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"inspect", "--demo", "--policy-dir", empty}, []string{"--policy-dir " + empty, "no policy document", "package.json"}},
		{[]string{"inspect", "--demo", "--policy-dir", bare}, []string{"--policy-dir " + bare, "no policy document"}},
		{[]string{"inspect", "--demo", "--policy-dir", full, "--policy-dir", bare}, []string{"--policy-dir " + bare}},
		{append([]string{"inspect", tok, "--policy", gcpMain, "--policy-dir", empty, "--json"}, keys...), []string{"--policy-dir " + empty}},
		{[]string{"tui", "--demo", "--policy-dir", empty}, []string{"--policy-dir " + empty}},
		{append([]string{"diff", tok, tok, "--policy-dir", empty}, keys...), []string{"--policy-dir " + empty}},
		{[]string{"simulate", "--repo", "octo-org/octo-repo", "--event", "push", "--policy-dir", empty}, []string{"--policy-dir " + empty}},
		{[]string{"reach", "--repo", "octo-org/octo-repo", "--policy-dir", empty}, []string{"--policy-dir " + empty}},
	} {
		code, out, errOut := runCLI(t, "", tc.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %q; want exit 2 and no report", tc.args, code, out, errOut)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%q: stderr %q, want %q", tc.args, errOut, w)
			}
		}
	}
	r := startRunner(t, "push-main")
	code, out, errOut := r.fetchIn(r.jobEnv(nil), "--jwks", "../../fixtures/demo-jwks.json", "--policy-dir", empty)
	if code != 2 || !strings.Contains(errOut, "--policy-dir "+empty) {
		t.Errorf("fetch: exit %d, stderr %q, stdout %.200q", code, errOut, out)
	}
	// A folder with policies still loads them, in name order.
	if code, out, errOut := runCLI(t, "", "inspect", "--demo", "--policy-dir", full); code == 2 || !strings.Contains(out, "Policies") {
		t.Errorf("a folder of policies: exit %d, stderr %q", code, errOut)
	}
}
