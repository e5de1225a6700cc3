package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/tokendiff"
)

// TestSuggestFromSimulateReport: before any run exists, suggest reads
// what simulate --json printed for one job, as diff does: its claims are
// pinned, and a note says they are simulated. A report of several
// triggers and a report of a real token are refused as diff refuses them.
func TestSuggestFromSimulateReport(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	code, sim, errOut := runCLI(t, "", "simulate", "--repo", "octo-org/octo-repo", "--owner-id", "65", "--repo-id", "74", "--event", "push", "--ref", "main", "--audience", "sts.amazonaws.com", "--json")
	if code != 0 {
		t.Fatalf("simulate --json: exit %d, stderr %q", code, errOut)
	}
	simFile := write("sim-main.json", sim)
	_, real, _ := runCLI(t, "", "inspect", "--demo", "--json")
	realFile := write("inspect.json", real)
	triggers := write("sim-triggers.json", `{"schema":"oidcscope/v1","reports":[{"schema":"oidcscope/v1"},{"schema":"oidcscope/v1"}]}`)

	t.Run("one simulated job", func(t *testing.T) {
		for _, args := range [][]string{
			{"suggest", "--provider", "aws", "--scope", "ref", "@" + simFile},
			{"suggest", "--provider", "gcp", "@" + simFile},
		} {
			code, out, errOut := runCLI(t, "", args...)
			if code != 0 || !strings.Contains(out, "refs/heads/main") {
				t.Errorf("%q: exit %d, stdout %q, stderr %q; want a document pinning refs/heads/main", args, code, out, errOut)
			}
			if !strings.Contains(errOut, "note: the claims are simulated") {
				t.Errorf("%q: stderr %q; want a note that the claims are simulated", args, errOut)
			}
		}
		// stdin and --json: the note is among the notes.
		code, out, errOut := runCLI(t, sim, "suggest", "--provider", "aws", "--json", "-")
		var doc struct {
			Notes []string `json:"notes"`
		}
		if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || !strings.Contains(strings.Join(doc.Notes, "\n"), "the claims are simulated") {
			t.Errorf("--json from stdin: exit %d, stdout %q, stderr %q", code, out, errOut)
		}
	})

	for _, tc := range []struct {
		name, file string
		want       error
	}{
		{"several triggers", triggers, tokendiff.ErrReportTriggers},
		{"a real token's report", realFile, tokendiff.ErrReportPasted},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", "suggest", "--provider", "aws", "@"+tc.file)
			if code != 2 || out != "" || !strings.Contains(errOut, tc.want.Error()) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, out, errOut, tc.want)
			}
		})
	}
}

// TestSuggestHelpNamesSimulate: suggest --help says it reads a simulate
// --json report, so users find the way to a policy before a run exists.
func TestSuggestHelpNamesSimulate(t *testing.T) {
	code, out, _ := runCLI(t, "", "suggest", "--help")
	if code != 0 || !strings.Contains(out, "simulate --json") {
		t.Errorf("suggest --help: exit %d, want it to name simulate --json:\n%s", code, out)
	}
}
