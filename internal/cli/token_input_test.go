package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTokenArgumentNamesAFile: a TOKEN argument with no token in it that
// names an existing file gets "did you mean @FILE?" (exit 2), on every
// command that reads TOKEN or @FILE; with the @ the file is read.
func TestTokenArgumentNamesAFile(t *testing.T) {
	path := filepath.Join("..", "..", "fixtures", "testdata", "static", "push-main.jwt")
	_, at := staticToken(t)
	for _, args := range [][]string{
		{"inspect", path, "--offline", "--at", at},
		{"inspect", path, "--offline", "--at", at, "--json"},
		{"tui", path, "--offline", "--at", at},
		{"suggest", "--provider", "aws", path},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "did you mean @"+path+"?") {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %q; want exit 2 and did you mean @%s?", args, code, out, errOut, path)
		}
	}
	if code, _, errOut := runCLI(t, "", "inspect", "@"+path, "--offline", "--at", at); code != 0 {
		t.Errorf("inspect @%s: exit %d, stderr %q", path, code, errOut)
	}
	// Not a file: the argument is the (broken) token, as before.
	code, out, errOut := runCLI(t, "", "inspect", "no/such/file.jwt", "--offline")
	if code != 2 || strings.Contains(errOut, "did you mean @") || !strings.Contains(out, "no token found") {
		t.Errorf("a path to nothing: exit %d, stderr %q, stdout %.200q", code, errOut, out)
	}
}
