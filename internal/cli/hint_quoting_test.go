package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrintedHintsAreShellQuoted: a hint that prints a command line to
// type again (did you mean @FILE?, --policy-dir DIR) quotes the user's
// path for the shell, so a path with a space or ; pastes as one argument.
func TestPrintedHintsAreShellQuoted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my policies;x")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "inspect", "--demo", "--policy", dir)
	if code != 2 || !strings.Contains(errOut, "--policy-dir '"+dir+"'") {
		t.Errorf("--policy DIR: exit %d, stderr %q, want the folder shell-quoted after --policy-dir", code, errOut)
	}
	file := filepath.Join(t.TempDir(), "my token.txt")
	if err := os.WriteFile(file, []byte("not a token\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "", "inspect", file)
	if code != 2 || !strings.Contains(errOut, "did you mean '@"+file+"'?") {
		t.Errorf("a file's name as the token: exit %d, stderr %q, want @FILE shell-quoted", code, errOut)
	}
}
