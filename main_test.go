package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/internal/quietinit"
	"github.com/oidcscope/oidcscope/policy/remote"
)

// TestMain makes the test binary double as the oidcscope command, so the
// scripts in testdata/script run the real CLI in a subprocess with its real
// exit code.
func TestMain(m *testing.M) {
	quietinit.Restore()
	testscript.Main(m, map[string]func(){
		"oidcscope": func() {
			main()
		},
	})
}

// TestScripts runs testdata/script/*.txtar. Besides the testscript builtins,
// scripts have:
//
//	exitcode N PROG [ARGS...]          run PROG; fail unless it exits with N.
//	                                   stdout/stderr are kept for the next
//	                                   stdout/stderr/cmp lines, as with exec.
//	jsonis FILE PATH WANT              the JSON in FILE (or stdout) has WANT at
//	                                   PATH (see cmdJSONIs); ! negates.
//	sign-payload [-header H] P OUT     sign file P (one trailing newline
//	                                   dropped) with the demo key, token to OUT.
//	tamper-sig IN OUT                  copy the token in IN to OUT with one
//	                                   character of its signature changed.
//	mkfile NAME SIZE                   write SIZE bytes of 'a' to NAME.
//	expand IN OUT                      copy IN to OUT with $VARS expanded, to
//	                                   wrap $PUSH_MAIN in headers, JSON, logs.
//	fold WIDTH IN OUT                  copy IN to OUT with lines broken every
//	                                   WIDTH bytes, like a terminal copy.
//	actions-job CLAIMSET               be a GitHub Actions job: serve a stand-in
//	                                   of its token endpoint on loopback, set
//	                                   its variables (cmd_fetch_script_test.go).
//
// Every script starts with the static fixtures in its work dir:
// <claim-set>.jwt (signed at 2026-01-01T00:00:00Z, expired now),
// demo-jwks.json and demo-public-key.pem, and with $PUSH_MAIN (the
// push-main token), $STATIC_AT (an instant inside the static tokens'
// validity window), $ESC (U+001B) and $RLO (U+202E) set. Scripts never
// touch the network: each run has a key file, --offline, or a non-GitHub
// issuer.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup:               setupFixtures,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exitcode":     cmdExitcode,
			"jsonis":       cmdJSONIs,
			"sign-payload": cmdSignPayload,
			"tamper-sig":   cmdTamperSig,
			"mkfile":       cmdMkfile,
			"expand":       cmdExpand,
			"fold":         cmdFold,
			"actions-job":  cmdActionsJob,
		},
	})
}

func setupFixtures(env *testscript.Env) error {
	copies := map[string]string{
		filepath.Join("fixtures", "demo-jwks.json"):      "demo-jwks.json",
		filepath.Join("fixtures", "demo-public-key.pem"): "demo-public-key.pem",
	}
	static, err := filepath.Glob(filepath.Join("fixtures", fixtures.StaticDir, "*.jwt"))
	if err != nil {
		return err
	}
	if len(static) == 0 {
		return errors.New("no static tokens in fixtures/" + fixtures.StaticDir)
	}
	for _, p := range static {
		copies[p] = filepath.Base(p)
	}
	for from, to := range copies {
		data, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(env.WorkDir, to), data, 0o644); err != nil {
			return err
		}
	}
	if err := os.CopyFS(filepath.Join(env.WorkDir, "policies"), os.DirFS(filepath.Join("fixtures", "policies"))); err != nil {
		return err
	}
	push, err := os.ReadFile(filepath.Join("fixtures", fixtures.StaticDir, "push-main.jwt"))
	if err != nil {
		return err
	}
	env.Setenv("PUSH_MAIN", strings.TrimSpace(string(push)))
	env.Setenv("STATIC_AT", fixtures.StaticNow().Format(time.RFC3339))
	// Hostile characters for arguments, which a script cannot type.
	env.Setenv("ESC", "\x1b")
	env.Setenv("RLO", "\u202e")
	// A release build's test (tag celhelper) finds its helper where CI
	// built it: the scripts' environment starts empty.
	if helper := os.Getenv(remote.HelperEnv); helper != "" {
		env.Setenv(remote.HelperEnv, helper)
	}
	return nil
}

// cmdExitcode runs a program like exec but asserts its exact exit status:
// testscript's exec only tells success from failure, and the CLI contract
// distinguishes 1 (a check failed) from 2 (not a token, bad usage).
func cmdExitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exitcode (state the expected code instead)")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %q is not a number", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: running %s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdJSONIs checks one value in a JSON document. PATH is dot-separated:
// object keys, array indexes, "*" for every element of an array, or "len"
// for the length of an array ("#" would start a script comment). A string compares as itself, anything else
// as compact JSON (numbers exactly as written). With "*" every element must
// match (at least one must exist); with ! no element may match. Objects are
// read with encoding/json, so for a duplicated key the last one wins:
// assert duplicates on the raw text instead.
func cmdJSONIs(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: jsonis FILE PATH WANT")
	}
	dec := json.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		ts.Fatalf("jsonis: %s is not JSON: %v", args[0], err)
	}
	vals, err := jsonPath([]any{doc}, strings.Split(args[1], "."))
	if err != nil {
		ts.Fatalf("jsonis: %s: %v", args[1], err)
	}
	if len(vals) == 0 {
		ts.Fatalf("jsonis: %s matches nothing", args[1])
	}
	for _, v := range vals {
		got := jsonText(v)
		if match := got == args[2]; match == neg {
			if neg {
				ts.Fatalf("%s is %s, want anything else", args[1], got)
			}
			ts.Fatalf("%s is %s, want %s", args[1], got, args[2])
		}
	}
}

func jsonPath(vals []any, path []string) ([]any, error) {
	if len(path) == 0 || path[0] == "" {
		return vals, nil
	}
	var next []any
	for _, v := range vals {
		switch x := v.(type) {
		case map[string]any:
			m, ok := x[path[0]]
			if !ok {
				return nil, fmt.Errorf("no key %q", path[0])
			}
			next = append(next, m)
		case []any:
			switch path[0] {
			case "*":
				next = append(next, x...)
			case "len":
				next = append(next, json.Number(strconv.Itoa(len(x))))
			default:
				i, err := strconv.Atoi(path[0])
				if err != nil || i < 0 || i >= len(x) {
					return nil, fmt.Errorf("no index %q in an array of %d", path[0], len(x))
				}
				next = append(next, x[i])
			}
		default:
			return nil, fmt.Errorf("%q: not an object or array", path[0])
		}
	}
	return jsonPath(next, path[1:])
}

func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// cmdSignPayload signs arbitrary (hostile, malformed) JSON with the demo key.
func cmdSignPayload(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! sign-payload")
	}
	var header []byte
	if len(args) == 4 && args[0] == "-header" {
		header = []byte(strings.TrimSuffix(ts.ReadFile(args[1]), "\n"))
		args = args[2:]
	}
	if len(args) != 2 {
		ts.Fatalf("usage: sign-payload [-header HEADERFILE] PAYLOADFILE OUTFILE")
	}
	payload := strings.TrimSuffix(ts.ReadFile(args[0]), "\n")
	tok, err := fixtures.SignPayload([]byte(payload), header)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(tok+"\n"), 0o644))
}

// cmdTamperSig changes one character in the middle of a token's signature
// (not the last one, whose low bits may be unused), so the signature still
// decodes but no longer matches.
func cmdTamperSig(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: tamper-sig INFILE OUTFILE")
	}
	tok := strings.TrimSpace(ts.ReadFile(args[0]))
	i := strings.LastIndexByte(tok, '.')
	if i < 0 || len(tok)-i < 8 {
		ts.Fatalf("tamper-sig: %s holds no signed token", args[0])
	}
	b := []byte(tok)
	mid := i + 1 + (len(tok)-i-1)/2
	if b[mid] == 'A' {
		b[mid] = 'B'
	} else {
		b[mid] = 'A'
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), append(b, '\n'), 0o644))
}

func cmdMkfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkfile NAME SIZE")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), bytes.Repeat([]byte{'a'}, n), 0o644))
}

func cmdExpand(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: expand INFILE OUTFILE")
	}
	out := os.Expand(ts.ReadFile(args[0]), ts.Getenv)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(out), 0o644))
}

func cmdFold(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: fold WIDTH INFILE OUTFILE")
	}
	width, err := strconv.Atoi(args[0])
	if err != nil || width <= 0 {
		ts.Fatalf("fold: bad width %q", args[0])
	}
	var out strings.Builder
	for _, line := range strings.SplitAfter(ts.ReadFile(args[1]), "\n") {
		body, nl := strings.CutSuffix(line, "\n")
		for len(body) > width {
			out.WriteString(body[:width] + "\n")
			body = body[width:]
		}
		out.WriteString(body)
		if nl {
			out.WriteString("\n")
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(out.String()), 0o644))
}
