package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/reach"
)

const stsIssuer = "issuer: https://token.actions.githubusercontent.com\n"

// TestReachUnevaluablePolicy: a policy its provider refuses to compile is
// not a table that lets in 0 jobs (read as "safe") but "cannot be
// evaluated" with the provider's error, escaped, and exit 2, as for a
// policy that cannot be read; the other policies still get their tables.
func TestReachUnevaluablePolicy(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "policies", "aws", "trust-environment-prod.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, doc string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	broken := write("compileonly.sts.yaml", stsIssuer+`subject_pattern: "*repo:octo-org/octo-repo:ref:refs/heads/main"`+"\n")
	hostile := write("hostile.sts.yaml", stsIssuer+`subject_pattern: "[\e[2J"`+"\n")
	role := write("role.json", string(good))
	const reason = "compileonly: cannot be evaluated: trust policy: invalid subject_pattern: error parsing regexp: missing argument to repetition operator"
	for _, tc := range []struct {
		name    string
		args    []string
		stdout  []string // in this order
		absent  []string
		jsonErr string // with --json: the error of the table of this policy
	}{
		{name: "alone", args: []string{"--policy", broken},
			stdout: []string{reason}, absent: []string{"lets in"}},
		{name: "beside a good one", args: []string{"--policy", role, "--policy", broken},
			stdout: []string{"lets in ", "✓ push ", reason}, absent: []string{"lets in 0"}},
		{name: "all rows asked for", args: []string{"--policy", broken, "--all"},
			stdout: []string{reason}, absent: []string{"lets in", "! push"}},
		{name: "error escaped", args: []string{"--policy", hostile},
			stdout: []string{"hostile: cannot be evaluated: ", `\x1b[2J`}},
		{name: "json", args: []string{"--policy", role, "--policy", broken, "--json"},
			jsonErr: "trust policy: invalid subject_pattern"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"reach", "--repo", "octo-org/octo-repo", "--owner-id", "65", "--repo-id", "74"}, tc.args...)
			code, out, errOut := runCLI(t, "", args...)
			if code != exitProblem {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errOut, "cannot be evaluated") || !strings.Contains(errOut, "oidcscope: policy ") {
				t.Errorf("stderr does not say why the exit code is 2: %q", errOut)
			}
			if bad := unsafeRunes(out + errOut); len(bad) > 0 {
				t.Errorf("raw control characters reach the terminal: %v", bad)
			}
			rest := out
			for _, want := range tc.stdout {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("stdout lacks %q (in order):\n%s", want, head(out))
				}
				rest = rest[i+len(want):]
			}
			for _, no := range tc.absent {
				if strings.Contains(out, no) {
					t.Errorf("stdout has %q:\n%s", no, head(out))
				}
			}
			if tc.jsonErr == "" {
				return
			}
			var doc struct{ Reach []reach.Table }
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, head(out))
			}
			if len(doc.Reach) != 2 {
				t.Fatalf("%d JSON tables, want 2", len(doc.Reach))
			}
			role, bad := doc.Reach[0], doc.Reach[1]
			if role.Error != "" || len(role.Rows) == 0 || !strings.Contains(bad.Error, tc.jsonErr) || len(bad.Rows) != 0 {
				t.Errorf("JSON tables: role error %q, %d rows; broken policy error %q, %d rows: want the role's rows, then the error %q and no rows",
					role.Error, len(role.Rows), bad.Error, len(bad.Rows), tc.jsonErr)
			}
		})
	}
}

// head is the start of a long output, for a failure message.
func head(s string) string {
	if lines := strings.SplitAfter(s, "\n"); len(lines) > 6 {
		return strings.Join(lines[:6], "") + "…"
	}
	return s
}

// TestWriteReachCountsUnevaluatedRows: rows the provider could not
// evaluate are counted apart from the allowed and the denied, listed
// (their verdict is unknown, so the reader must see them without --all),
// and their reasons are said once each.
func TestWriteReachCountsUnevaluatedRows(t *testing.T) {
	row := func(env string, v policy.Verdict, why string) reach.Row {
		return reach.Row{Event: "push", Ref: "refs/heads/main", Environment: env, Subject: "legacy", Sub: "repo:o/r:environment:" + env, Verdict: v, Error: why}
	}
	tab := reach.Table{Policy: "partial", Rows: []reach.Row{
		row("prod", policy.Allow, ""),
		row("", policy.Error, "no such key: environment"),
		row("staging", policy.Deny, ""),
		row("x\x1b[2J", policy.Error, "no such key: environment"),
		row("other", policy.Error, "cost limit exceeded"),
	}}
	for _, tc := range []struct {
		all          bool
		want, absent []string
	}{
		{false, []string{
			"partial: lets in 1 of 5 simulated jobs; 3 could not be evaluated\n",
			"  ✓ push ", "  ! push ",
			"note: 2 jobs could not be evaluated: no such key: environment\n",
			"note: 1 job could not be evaluated: cost limit exceeded\n",
		}, []string{"✗", "\x1b"}},
		{true, []string{"lets in 1 of 5 simulated jobs; 3 could not be evaluated", "✗ push "}, nil},
	} {
		var b strings.Builder
		if err := writeReach(&b, []reach.Table{tab}, tc.all); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("all=%v: output lacks %q:\n%s", tc.all, w, b.String())
			}
		}
		for _, no := range tc.absent {
			if strings.Contains(b.String(), no) {
				t.Errorf("all=%v: output has %q:\n%s", tc.all, no, b.String())
			}
		}
	}
}
