package cli

import (
	"strings"
	"testing"
)

// TestSimulateUsageEscapedOnce: a context simulate cannot build is a
// usage error whose message is escaped once, where every message is
// (exitCodeOf), not twice: the user reads the value they typed.
func TestSimulateUsageEscapedOnce(t *testing.T) {
	code, _, errOut := runCLI(t, "", "simulate", "--repo", "bad\x1brepo", "--event", "push")
	if code != 2 {
		t.Fatalf("exit %d, want 2; stderr %q", code, errOut)
	}
	if strings.ContainsRune(errOut, 0x1b) || !strings.Contains(errOut, `"bad\x1brepo"`) {
		t.Errorf("stderr %q: want the repository quoted once, its ESC shown as \\x1b", errOut)
	}
}
