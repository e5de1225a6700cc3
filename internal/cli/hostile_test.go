package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/fixtures"
)

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
	code := Run(args, strings.NewReader(stdin), &stdout, &stderr, getenv)
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
	Run([]string{"inspect", "--demo"}, strings.NewReader(""), &stdout, &stderr, getenv)
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
