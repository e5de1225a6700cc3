package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// diffRole allows a push to main of octo-org/octo-repo with the AWS
// audience, and nothing else.
const diffRole = "../../fixtures/policies/aws/get-role-deploy-main.json"

// simulateJSON is `oidcscope simulate ... --json` for octo-org/octo-repo
// with the AWS audience, written to dir/name.
func simulateJSON(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	args = append([]string{"simulate", "--repo", "octo-org/octo-repo", "--owner-id", "65", "--repo-id", "74",
		"--audience", "sts.amazonaws.com", "--at", "2026-06-13T19:01:30Z", "--json"}, args...)
	code, out, errOut := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("simulate %q: exit %d, stderr %q", args, code, errOut)
	}
	return writeDiffFile(t, dir, name, out)
}

func writeDiffFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDiffSimulatedReports: "works on main, fails on the PR" before a run
// exists: two `simulate --json` reports are compared as the unsigned
// simulated tokens they hold, and the role's verdict flips.
func TestDiffSimulatedReports(t *testing.T) {
	dir := t.TempDir()
	main := simulateJSON(t, dir, "sim-main.json", "--event", "push", "--ref", "main")
	pr := simulateJSON(t, dir, "sim-pr.json", "--event", "pull_request", "--ref", "feature/x")
	tok, at := staticToken(t)
	realMain := writeDiffFile(t, dir, "push-main.jwt", tok)
	tests := []struct {
		name     string
		a, b     string
		extra    []string
		code     int
		stdout   []string
		noStdout []string
	}{
		{"main against the PR", main, pr, nil, 1,
			[]string{"  ✓ allow → ✗ deny  aws ", `"push"  →  "pull_request"`, "simulated, unsigned"},
			[]string{"no policy loaded", "JWS JSON"}},
		{"main against main", main, main, nil, 0,
			[]string{"  ✓ allow = ✓ allow  aws ", "Claims that differ (0;"}, []string{"no policy loaded"}},
		{"a real token against a simulated job", realMain, pr, []string{"--offline", "--at", at}, 1,
			[]string{"✗ deny  aws ", "simulated, unsigned"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"diff", tt.a, tt.b, "--policy", diffRole}, tt.extra...)
			code, out, errOut := runCLI(t, "", args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q\n%s", code, tt.code, errOut, out)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.noStdout {
				if strings.Contains(out, w) {
					t.Errorf("stdout has %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestDiffInputNotAToken: an input that holds no token, or an oidcscope
// report that holds no single simulated token, exits 2 with a message
// naming the side and why, and the comparison never claims that no policy
// was given when one was.
func TestDiffInputNotAToken(t *testing.T) {
	dir := t.TempDir()
	tok, at := staticToken(t)
	real := writeDiffFile(t, dir, "push-main.jwt", tok)
	flattened := writeDiffFile(t, dir, "flattened.json", `{"header":null,"payload":{"sub":"repo:octo-org/octo-repo:pull_request"},"signature":{"status":"unverified"}}`)
	garbage := writeDiffFile(t, dir, "garbage.txt", "hello world\n")
	code, inspected, errOut := runCLI(t, "", "inspect", "@"+real, "--offline", "--at", at, "--json")
	if code != 0 {
		t.Fatalf("inspect --json: exit %d, stderr %q", code, errOut)
	}
	report := writeDiffFile(t, dir, "inspected.json", inspected)
	workflow := writeDiffFile(t, dir, "ci.yml", "on:\n  push:\n  pull_request:\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n")
	triggers := simulateJSON(t, dir, "sim-triggers.json", "--from", workflow)

	tests := []struct {
		name   string
		a, b   string
		stderr []string
		stdout []string // with the report printed
	}{
		// A report's shape without its schema: read as JWS JSON whose
		// header and payload do not decode.
		{"A is JSON that decodes as no token", flattened, real,
			[]string{"A (" + flattened + ") is not a token", "decode: header: empty segment"},
			[]string{"1 policy loaded, not evaluated: A is not a token"}},
		{"B is garbage", real, garbage,
			[]string{"B (" + garbage + ") is not a token", "no token found"},
			[]string{"1 policy loaded, not evaluated: B is not a token", "not compared: B is not a token"}},
		{"both are not tokens", flattened, garbage,
			[]string{"A (" + flattened + ") is not a token", "B (" + garbage + ") is not a token"},
			[]string{"1 policy loaded, not evaluated: A and B are not tokens"}},
		{"B is a report of a pasted token", real, report,
			[]string{"B (" + report + ") is an oidcscope report of a pasted token", "use the token itself"}, nil},
		{"A is a simulate report of several triggers", triggers, real,
			[]string{"A (" + triggers + ") is a simulate report of 2 triggers", "--event"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "", "diff", tt.a, tt.b, "--offline", "--at", at, "--policy", diffRole)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stderr %q\n%s", code, errOut, out)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q: %q", w, errOut)
				}
			}
			for _, w := range tt.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			if strings.Contains(out, "no policy loaded") {
				t.Errorf("stdout says no policy was loaded, though --policy was given:\n%s", out)
			}
		})
	}
}
