package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/fixtures"
)

// staticToken is the static push-main fixture and an instant inside its
// validity window.
func staticToken(t *testing.T) (tok, at string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "testdata", "static", "push-main.jwt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b)), fixtures.StaticNow().Format(time.RFC3339)
}

// TestHelpEveryCommand: -h and --help print the command's usage to
// stdout with exit 0, on every command there is, with double-dash flags.
func TestHelpEveryCommand(t *testing.T) {
	root := NewRootCommand(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	names := []string{""}
	for _, c := range root.Commands() {
		if !c.Hidden && c.Name() != "help" {
			names = append(names, c.Name())
		}
	}
	if len(names) < 8 {
		t.Fatalf("commands %q: want the bare command and seven more", names)
	}
	for _, name := range names {
		for _, flag := range []string{"-h", "--help"} {
			args := []string{flag}
			if name != "" {
				args = []string{name, flag}
			}
			code, out, errOut := runCLI(t, "", args...)
			if code != 0 || errOut != "" || !strings.Contains(out, "Usage:") {
				t.Errorf("%q: exit %d, stderr %q, stdout:\n%s", args, code, errOut, out)
			}
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(strings.TrimSpace(line), "-") && !strings.HasPrefix(strings.TrimSpace(line), "--") && !strings.HasPrefix(strings.TrimSpace(line), "-h, --help") && !strings.HasPrefix(strings.TrimSpace(line), "-v, --version") {
					t.Errorf("%q: a single-dash flag in help: %q", args, line)
				}
			}
		}
		if name == "" {
			continue
		}
		// help COMMAND is the same text.
		_, viaHelp, _ := runCLI(t, "", "help", name)
		_, viaFlag, _ := runCLI(t, "", name, "--help")
		if viaHelp != viaFlag {
			t.Errorf("help %s differs from %s --help:\n%s\n---\n%s", name, name, viaHelp, viaFlag)
		}
	}
}

// TestFlagSuggestions: a mistyped flag is exit 2 with "did you mean",
// naming the command's closest flag; a far-off one gets no guess.
func TestFlagSuggestions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"inspect", "--polcy", "x"}, "did you mean --policy?"},
		{[]string{"inspect", "--policy-dri", "x"}, "did you mean --policy-dir?"},
		{[]string{"inspect", "-offline"}, "did you mean --offline?"},
		{[]string{"inspect", "--jwsk=x"}, "did you mean --jwks?"},
		{[]string{"fetch", "--print-tokne"}, "did you mean --print-token?"},
		{[]string{"explain", "--profil", "x"}, "did you mean --profile?"},
		{[]string{"suggest", "--scop", "ref"}, "did you mean --scope?"},
		{[]string{"--dmeo"}, "did you mean --demo?"},
		{[]string{"inspect", "--zzzzzzzz"}, ""},
		{[]string{"fetch", "--demoo"}, ""}, // hidden flags are never suggested
	} {
		code, out, errOut := runCLI(t, "", tc.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %q", tc.args, code, out)
		}
		if tc.want == "" && strings.Contains(errOut, "did you mean") || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: stderr %q, want %q", tc.args, errOut, tc.want)
		}
	}
}

// TestCommandSuggestions: a mistyped command is named, with a guess.
func TestCommandSuggestions(t *testing.T) {
	for _, tc := range []struct{ typed, want string }{
		{"inspcet", "did you mean inspect?"}, {"hlep", "did you mean help?"}, {"versoin", "did you mean version?"}, {"zzzz", "unknown command \"zzzz\""},
	} {
		code, out, errOut := runCLI(t, "", tc.typed)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %q", tc.typed, code, out, errOut, tc.want)
		}
	}
}

// TestCommandSuggestionsBeforeFlags: a mistyped command is named however
// the line goes on: with flags the bare command lacks, with --help, or as
// help's topic; never the bare command's help or flag errors instead.
func TestCommandSuggestionsBeforeFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"sugest", "--provider", "aws", "--demo"}, `unknown command "sugest"; did you mean suggest?`},
		{[]string{"inspct", "--help"}, `unknown command "inspct"; did you mean inspect?`},
		{[]string{"inspct", "-h"}, `unknown command "inspct"; did you mean inspect?`},
		{[]string{"inspct", "--demo"}, `unknown command "inspct"; did you mean inspect?`},
		{[]string{"fecth", "--policy", "x.json"}, `did you mean fetch?`},
		{[]string{"redact", "--help"}, `unknown command "redact"`},
		{[]string{"zzzz", "--help"}, `unknown command "zzzz"`},
		{[]string{"help", "redact"}, `no help for "redact"`},
		{[]string{"help", "sugest"}, `no help for "sugest"; did you mean suggest?`},
	} {
		code, out, errOut := runCLI(t, "", tc.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: exit %d, stdout %.80q, stderr %q; want exit 2 and %q", tc.args, code, out, errOut, tc.want)
		}
	}
	// What is not a command word still reaches the bare command.
	for _, args := range [][]string{{"--help"}, {"help"}, {"help", "inspect"}, {"--version"}} {
		if code, out, errOut := runCLI(t, "", args...); code != 0 || out == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// TestFlagsAnywhere: --flag value and --flag=value, before or after the
// token, give the same report.
func TestFlagsAnywhere(t *testing.T) {
	tok, at := staticToken(t)
	var want string
	for i, args := range [][]string{
		{"inspect", tok, "--offline", "--at", at, "--json", "--audience", "x"},
		{"inspect", "--offline", "--at=" + at, tok, "--json", "--audience=x"},
		{"inspect", "--json", "--audience", "x", "--at", at, "--offline=true", tok},
		{"--json", tok, "--at", at, "--audience", "x", "--offline"}, // the bare command, not a terminal
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 1 || errOut != "" { // aud is not x: the aud check fails
			t.Fatalf("%q: exit %d, stderr %q", args, code, errOut)
		}
		if i == 0 {
			want = out
		} else if out != want {
			t.Errorf("%q: another report than %q", args, "inspect TOKEN --offline --at … --json --audience x")
		}
	}
}

// TestProviderAliases: the names users try for a provider.
func TestProviderAliases(t *testing.T) {
	for alias, id := range map[string]string{"azure": "entra", "google": "gcp", "kubernetes": "k8s", "AWS": "aws"} {
		tok, _ := staticToken(t)
		_, want, _ := runCLI(t, "", "suggest", "--provider", id, tok)
		code, got, errOut := runCLI(t, "", "suggest", "--provider", alias, tok)
		if code != 0 || got != want || want == "" {
			t.Errorf("--provider %s: exit %d, stderr %q; stdout differs from --provider %s", alias, code, errOut, id)
		}
	}
}

// TestCompletion: each shell's script; bash's parses, and the completions
// it asks for name the command's flags.
func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, errOut := runCLI(t, "", "completion", shell)
		if code != 0 || errOut != "" || !strings.Contains(out, "oidcscope") {
			t.Fatalf("completion %s: exit %d, stderr %q", shell, code, errOut)
		}
		if shell != "bash" {
			continue
		}
		if _, err := exec.LookPath("bash"); err != nil {
			t.Log("no bash to parse the script with")
			continue
		}
		script := filepath.Join(t.TempDir(), "oidcscope.bash")
		if err := os.WriteFile(script, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		if msg, err := exec.Command("bash", "-n", script).CombinedOutput(); err != nil {
			t.Errorf("bash -n: %v\n%s", err, msg)
		}
	}
	_, out, _ := runCLI(t, "", "__complete", "inspect", "--pol")
	if !strings.Contains(out, "--policy\t") || !strings.Contains(out, "--policy-dir\t") {
		t.Errorf("completing inspect --pol:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "__complete", "completion", "")
	if !strings.Contains(out, "bash\n") || !strings.Contains(out, "fish\n") {
		t.Errorf("completing completion:\n%s", out)
	}
	code, _, errOut := runCLI(t, "", "completion", "pwsh")
	if code != 2 || !strings.Contains(errOut, "bash, zsh or fish") {
		t.Errorf("completion pwsh: exit %d, %q", code, errOut)
	}
}

// TestExitCodeOf: the one place errors become exit codes.
func TestExitCodeOf(t *testing.T) {
	root := NewRootCommand(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	inspectCmd, _, _ := root.Find([]string{"inspect"})
	for _, tc := range []struct {
		name   string
		err    error
		code   int
		stderr string
	}{
		{"success", nil, 0, ""},
		{"a check failed", exitWith(1), 1, ""},
		{"already reported", exitWith(2), 2, ""},
		{"a problem", failf("reading %s", "x\x1b[2J"), 2, "oidcscope: reading x\\x1b[2J\n"},
		{"usage, no help pointer", usagef("one token at a time"), 2, "oidcscope: one token at a time\n"},
		{"usage with the command", &usageError{cmd: inspectCmd, err: errors.New("unknown flag: --x\u202e")}, 2, "oidcscope: unknown flag: --x\\u202e\nRun 'oidcscope inspect --help' for usage.\n"},
		{"an error of cobra's", errors.New("accepts 1 arg(s)"), 2, "oidcscope: accepts 1 arg(s)\n"},
		{"cobra's suggestions", errors.New("unknown command \"x\" for \"oidcscope y\"\n\nDid you mean this?\n\tz\n\tw\n"), 2, "oidcscope: unknown command \"x\" for \"oidcscope y\"; did you mean z or w?\n"},
	} {
		var stderr bytes.Buffer
		if code := exitCodeOf(tc.err, &stderr); code != tc.code || stderr.String() != tc.stderr {
			t.Errorf("%s: exit %d, stderr %q; want %d, %q", tc.name, code, stderr.String(), tc.code, tc.stderr)
		}
	}
}
