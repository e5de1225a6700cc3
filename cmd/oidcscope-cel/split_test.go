package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The release build (tag celhelper, with this helper beside it) must print
// what a plain build prints, to the byte, for every command that reads a
// Google Cloud or Kubernetes document: the split is invisible.

func build(t *testing.T, out string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"build", "-o", out}, args...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %v: %v\n%s", args, err, msg)
	}
}

func exe(name string) string {
	if runtime.GOOS == "windows" {
		return name + ".exe"
	}
	return name
}

// run runs bin from the repository root with a clean environment; it
// returns stdout, stderr and the exit code.
func run(t *testing.T, bin string, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = "../.."
	cmd.Env = append([]string{"NO_COLOR=1", "HOME=" + t.TempDir()}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}

func TestReleaseBuildPrintsTheSame(t *testing.T) {
	if testing.Short() {
		t.Skip("builds oidcscope twice")
	}
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain", exe("oidcscope"))
	split := filepath.Join(dir, "split", exe("oidcscope"))
	build(t, plain, "../..")
	build(t, split, "-tags", "celhelper", "../..")
	build(t, filepath.Join(dir, "split", exe("oidcscope-cel")), ".")
	// The plain build must not need the helper, and the split one must
	// find it beside itself, not on PATH.
	env := []string{"PATH=" + t.TempDir()}

	tokens, err := filepath.Glob("../../fixtures/testdata/static/*.jwt")
	if err != nil || len(tokens) == 0 {
		t.Fatalf("no fixture tokens: %v", err)
	}
	var commands [][]string
	for _, tok := range tokens {
		at := "@fixtures/testdata/static/" + filepath.Base(tok)
		for _, mode := range [][]string{nil, {"--json"}, {"--markdown"}} {
			commands = append(commands, append([]string{"inspect", "--offline", "--jwks", "fixtures/demo-jwks.json",
				"--policy-dir", "fixtures/policies", "--at", "2026-01-01T00:01:00Z", at}, mode...))
		}
		for _, provider := range []string{"gcp", "k8s"} {
			for _, scope := range []string{"repo", "ref", "environment", "workflow"} {
				commands = append(commands, []string{"suggest", "--provider", provider, "--scope", scope, at})
			}
		}
	}
	commands = append(commands,
		[]string{"reach", "--policy", "fixtures/policies/k8s/octo-repo-main.yaml", "--policy", "fixtures/policies/gcp/octo-repo-prod.json",
			"--repo", "octo-org/octo-repo", "--owner-id", "65", "--repo-id", "74", "--all"},
		// --at: the simulated and demo tokens are made at that instant, so
		// two runs a second apart print the same.
		[]string{"simulate", "--repo", "octo-org/octo-repo", "--event", "pull_request", "--ref", "feature", "--at", "2026-01-01T00:01:00Z", "--policy-dir", "fixtures/policies/gcp", "--policy-dir", "fixtures/policies/k8s"},
		[]string{"diff", "fixtures/testdata/static/push-main.jwt", "fixtures/testdata/static/pull-request.jwt", "--at", "2026-01-01T00:01:00Z", "--policy-dir", "fixtures/policies/gcp", "--policy-dir", "fixtures/policies/k8s"},
		[]string{"inspect", "--demo", "--offline", "--json", "--at", "2026-01-01T00:01:00Z"},
	)
	for _, args := range commands {
		po, pe, pc := run(t, plain, env, args...)
		so, se, sc := run(t, split, env, args...)
		if po != so || pe != se || pc != sc {
			t.Errorf("oidcscope %s: the release build differs (exit %d, want %d)\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant:\n%s",
				strings.Join(args, " "), sc, pc, so, po, se, pe)
		}
	}
	t.Logf("%d commands compared", len(commands))

	// Without the helper, a Google Cloud document says what is missing.
	alone := filepath.Join(dir, "alone", exe("oidcscope"))
	if err := os.MkdirAll(filepath.Dir(alone), 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(split)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(alone, data, 0o755); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, alone, env, "inspect", "--offline", "--jwks", "fixtures/demo-jwks.json", "--at", "2026-01-01T00:01:00Z",
		"--policy", "fixtures/policies/gcp/octo-repo-main.json", "@fixtures/testdata/static/push-main.jwt")
	if code == 0 || !strings.Contains(out, "oidcscope-cel") || !strings.Contains(out, "not installed") {
		t.Errorf("without the helper: exit %d, want a failure naming oidcscope-cel:\n%s", code, out)
	}
}
