package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSimulateSummaryNamesEachPolicyOnce: the summary after several
// triggers' reports names a policy, and its file only when that differs
// from the name: an AWS role is named by its file, which was shown twice.
func TestSimulateSummaryNamesEachPolicyOnce(t *testing.T) {
	dir := t.TempDir()
	wf := filepath.Join(dir, "deploy.yml")
	if err := os.WriteFile(wf, []byte("on: [push, workflow_dispatch]\njobs:\n  deploy:\n    environment: prod\n    runs-on: ubuntu-latest\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	aws := filepath.Join("..", "..", "fixtures", "policies", "aws", "trust-environment-prod.json")
	sts := filepath.Join("..", "..", "fixtures", "policies", "octo-sts", "prod-deploy.sts.yaml")
	_, out, errOut := runCLI(t, "", "simulate", "--repo", "octo-org/octo-repo", "--from", wf, "--audience", "sts.amazonaws.com", "--policy", aws, "--policy", sts)
	_, summary, ok := strings.Cut(out, "Simulated jobs (2)\n")
	if !ok {
		t.Fatalf("no summary in:\n%s\nstderr %q", out, errOut)
	}
	lines := map[string]int{}
	for _, l := range strings.Split(strings.TrimRight(summary, "\n"), "\n") {
		if strings.HasPrefix(l, "    ") {
			lines[strings.TrimSpace(l)]++
		}
	}
	want := []string{
		"✗ deny  aws  " + aws,                   // named by its file: once
		"✗ deny  octo-sts  prod-deploy  " + sts, // a name of its own, then the file
	}
	for _, w := range want {
		if lines[w] != 2 { // one line per trigger
			t.Errorf("summary lacks %q on each trigger:\n%s", w, summary)
		}
	}
	if strings.Count(summary, aws) != 2 {
		t.Errorf("the AWS role's file is shown %d times, want once per trigger:\n%s", strings.Count(summary, aws), summary)
	}
}
