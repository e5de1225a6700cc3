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
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/fixtures"
)

// TestMain makes the test binary double as the oidcscope command, so the
// scripts in testdata/script run the real CLI in a subprocess with its real
// exit code.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"oidcscope": func() {
			os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
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

// hostile holds claim values that would drive or deceive a terminal if
// printed raw, with the visible form the text report must show instead.
var hostile = []struct{ claim, raw, shown string }{
	{"osc52", "\u001b]52;c;ZXZpbA==\u0007", `\x1b]52;c;ZXZpbA==\x07`},
	{"clear", "\u001b[2J\u001b[H", `\x1b[2J\x1b[H`},
	{"c1", "\u009b31mred", `\u009b31mred`},
	{"bidi", "admin\u202etxt.exe", `admin\u202etxt.exe`},
	{"zwj", "a\u200db", `a\u200db`},
	{"cr", "visible\rhidden", `visible\rhidden`},
	{"bs", "secret\u0008\u0008\u0008", `secret\x08\x08\x08`},
	{"del", "x\u007fy", `x\x7fy`},
	{"tab", "a\tb", `a\tb`},
}

// hostileToken signs a payload holding every hostile value as a claim, in
// a nested array and as a key, and a header whose kid is hostile too.
func hostileToken(t *testing.T) string {
	t.Helper()
	var p bytes.Buffer
	p.WriteString(`{"iss":"https://issuer.example","exp":1767225900,"iat":1767225600`)
	for _, h := range hostile {
		k, _ := json.Marshal(h.claim)
		v, _ := json.Marshal(h.raw)
		fmt.Fprintf(&p, ",%s:%s", k, v)
	}
	p.WriteString(`,"nested":["\u001b[2J","\u202e"]`)
	p.WriteString(`,"key\u001b[31m\u202e":"value"}`)
	header := []byte(`{"alg":"RS256","kid":"\u001b]8;;https://evil.example\u0007demo\u202e","typ":"JWT"}`)
	tok, err := fixtures.SignPayload(p.Bytes(), header)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// runCLI runs the command in-process with colour left to detection (off
// for a buffer) and returns its exit code and output. The environment is
// the test process's (so t.Setenv reaches colour detection by either
// route), except that a developer's OIDCSCOPE_SECRET never becomes a key.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	getenv := func(k string) string {
		if k == "OIDCSCOPE_SECRET" {
			return ""
		}
		return os.Getenv(k)
	}
	code := run(args, strings.NewReader(stdin), &stdout, &stderr, getenv)
	return code, stdout.String(), stderr.String()
}

// unsafeRunes lists every character in s that must never reach a terminal
// raw: C0 controls but newline, DEL, C1, format characters (bidi, ZWJ, BOM),
// line/paragraph separators, and invalid UTF-8.
func unsafeRunes(s string) []string {
	var bad []string
	for i, r := range s {
		if r == utf8.RuneError || (r != '\n' && (r < 0x20 || r == 0x7f || escape.Unsafe(r))) {
			bad = append(bad, fmt.Sprintf("%U at byte %d", r, i))
		}
	}
	return bad
}

func TestHostileClaimsText(t *testing.T) {
	t.Setenv("CLICOLOR_FORCE", "") // a buffer is not a terminal: no styling at all
	tok := hostileToken(t)
	code, out, errOut := runCLI(t, "", "inspect", tok, "--offline", "--at", "2026-01-01T00:01:00Z")
	if code != 0 {
		t.Fatalf("exit %d, want 0 (unverified, times fine)\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if bad := unsafeRunes(out + errOut); len(bad) > 0 {
		t.Errorf("raw unsafe characters in the text report: %v\n%q", bad, out)
	}
	for _, h := range hostile {
		if !strings.Contains(out, "  "+h.shown) {
			t.Errorf("claim %s: want it shown as %s\n%s", h.claim, h.shown, out)
		}
	}
	for _, want := range []string{
		`kid \x1b]8;;https://evil.example\x07demo\u202e`, // signature line
		`key\x1b[31m\u202e`, // a hostile claim name
		`\u202e`,            // inside the nested array
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %s in\n%s", want, out)
		}
	}
}

func TestHostileClaimsJSON(t *testing.T) {
	tok := hostileToken(t)
	code, out, errOut := runCLI(t, "", "inspect", tok, "--offline", "--json", "--at", "2026-01-01T00:01:00Z")
	if code != 0 {
		t.Fatalf("exit %d, want 0\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if bad := unsafeRunes(out); len(bad) > 0 {
		t.Errorf("raw unsafe characters in the JSON report: %v", bad)
	}
	for _, esc := range []string{`\u001b`, `\u009b`, `\u202e`, `\u200d`, `\r`, `\b`, `\u007f`} {
		if !strings.Contains(out, esc) {
			t.Errorf("want the escape %s in the JSON output", esc)
		}
	}
	var doc struct {
		Header  map[string]string `json:"header"`
		Payload map[string]any    `json:"payload"`
		Claims  []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"claims"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("the escaped JSON does not parse: %v", err)
	}
	for _, h := range hostile {
		if got := doc.Payload[h.claim]; got != h.raw {
			t.Errorf("payload.%s = %q, want %q", h.claim, got, h.raw)
		}
	}
	if got, want := doc.Header["kid"], "\u001b]8;;https://evil.example\u0007demo\u202e"; got != want {
		t.Errorf("header.kid = %q, want %q", got, want)
	}
	if _, ok := doc.Payload["key\u001b[31m\u202e"]; !ok {
		t.Errorf("the hostile key did not survive: %v", doc.Payload)
	}
	if n := len(doc.Claims); n != 3+len(hostile)+2 {
		t.Errorf("%d claims, want %d", n, 3+len(hostile)+2)
	}
}

// TestTextNoColour: a report written to a pipe or buffer carries no escape
// sequences at all, whether or not NO_COLOR is set; CLICOLOR_FORCE is the
// only way to get colour there, and NO_COLOR beats it.
func TestTextNoColour(t *testing.T) {
	tok := hostileToken(t)
	args := []string{"inspect", tok, "--offline", "--at", "2026-01-01T00:01:00Z"}
	for _, tc := range []struct {
		noColor, force string
		wantESC        bool
	}{
		{"", "", false},
		{"1", "", false},
		{"1", "1", false},
		{"", "1", true}, // proves the check can see colour when there is some
	} {
		t.Run("NO_COLOR="+tc.noColor+",CLICOLOR_FORCE="+tc.force, func(t *testing.T) {
			t.Setenv("NO_COLOR", tc.noColor)
			t.Setenv("CLICOLOR_FORCE", tc.force)
			for _, demo := range [][]string{args, {"inspect", "--demo"}, {"inspect", "not a token"}} {
				_, out, errOut := runCLI(t, "", demo...)
				if got := strings.ContainsRune(out+errOut, 0x1b); got != tc.wantESC {
					t.Errorf("%v: ESC in output = %v, want %v:\n%q", demo[1:], got, tc.wantESC, out)
				}
			}
		})
	}
}

// TestNoColourFromGetenv documents that run's getenv does not reach the
// colour decision: lipgloss reads NO_COLOR from the process environment.
func TestNoColourFromGetenv(t *testing.T) {
	t.Setenv("CLICOLOR_FORCE", "1")
	var stdout, stderr bytes.Buffer
	getenv := func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}
	run([]string{"inspect", "--demo"}, strings.NewReader(""), &stdout, &stderr, getenv)
	if bytes.ContainsRune(stdout.Bytes(), 0x1b) {
		t.Errorf("NO_COLOR from getenv ignored: %q", stdout.String())
	}
}

// TestOversizedInputMessage: a 2 MiB paste is refused (exit 2) with the limit
// in the message. readToken stops reading at the limit plus one byte, so the
// size it reports is that cut-off, not the input's.
func TestOversizedInputMessage(t *testing.T) {
	code, out, _ := runCLI(t, strings.Repeat("a", 2<<20), "inspect", "--offline")
	if code != 2 || !strings.Contains(out, "input larger than the size limit") || !strings.Contains(out, "1048576") {
		t.Fatalf("exit %d, report:\n%s", code, out)
	}
	if strings.Contains(out, "1048577 bytes") {
		t.Errorf("the report states a size the input does not have:\n%s", out)
	}
}

// TestNestedValuesEscapedOnce: a control character inside an array or object
// claim should read like one in a string claim (\x1b or \u001b), not with a
// doubled backslash, while bidi characters in the same array show singly.
func TestNestedValuesEscapedOnce(t *testing.T) {
	tok, err := fixtures.SignPayload([]byte(`{"iss":"https://issuer.example","arr":["\u001b[2J","\u202e"]}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCLI(t, "", "inspect", tok, "--offline")
	if bad := unsafeRunes(out); len(bad) > 0 {
		t.Fatalf("raw unsafe characters: %v", bad)
	}
	if !strings.Contains(out, `["\u001b[2J","\u202e"]`) {
		t.Errorf("want the array shown as compact JSON with single escapes:\n%s", out)
	}
}
