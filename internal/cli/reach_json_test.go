package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReachJSONEscapesFormatCharacters: reach --json writes text from
// the policy (its source, here a file name) through the reports' JSON
// writer, so a bidi override is escaped like everywhere else, and the
// files a folder skipped are named on stderr as inspect names them.
func TestReachJSONEscapesFormatCharacters(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "policies", "aws", "trust-environment-prod.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "role\u202eevil.json"), doc, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.yaml"), []byte("title: not a policy\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "reach", "--policy-dir", dir, "--repo", "octo-org/octo-repo", "--json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.ContainsRune(out, '\u202e') || !strings.Contains(out, `\u202e`) {
		t.Errorf("the bidi override is not escaped in:\n%s", out)
	}
	if !strings.Contains(errOut, "notes.yaml") {
		t.Errorf("stderr does not name the skipped file: %q", errOut)
	}
}
