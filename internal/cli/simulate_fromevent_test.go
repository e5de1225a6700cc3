package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSimulateFromWithEvent: --event with --from simulates only the
// file's trigger of that event (it was silently ignored: every trigger
// was simulated); an event the file has no trigger for is a usage error
// naming it; --help says so.
func TestSimulateFromWithEvent(t *testing.T) {
	wf := filepath.Join(t.TempDir(), "b.yml")
	if err := os.WriteFile(wf, []byte("on: [push, pull_request]\njobs:\n  j:\n    runs-on: ubuntu-latest\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "simulate", "--repo", "o/r", "--from", wf, "--event", "push")
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr %q", code, errOut)
	}
	if !strings.Contains(out, "on push refs/heads/main") || strings.Contains(out, "trigger pull_request") {
		t.Errorf("want only the push trigger simulated:\n%s", out)
	}
	code, _, errOut = runCLI(t, "", "simulate", "--repo", "o/r", "--from", wf, "--event", "release")
	if code != 2 || !strings.Contains(errOut, `no "release" trigger`) {
		t.Errorf("exit %d, stderr %q; want 2 and the missing release trigger named", code, errOut)
	}
	_, help, _ := runCLI(t, "", "simulate", "--help")
	if !strings.Contains(help, "with --from, only the file's triggers of this event") {
		t.Errorf("--help does not say what --event does with --from:\n%s", help)
	}
}
