package cli

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/escape/escapetest"
)

// TestFlagValuesChecked: an algorithm name oidcscope does not verify, or
// a size limit below one byte, is a usage error naming the bad value (with
// a guess when one is near), not a check that fails or passes later.
func TestFlagValuesChecked(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string // in stderr
	}{
		{[]string{"inspect", "--demo", "--algs", "RS257"}, []string{`"RS257"`, "did you mean RS256?", "--algs"}},
		{[]string{"inspect", "--demo", "--algs", "rs256"}, []string{`"rs256"`, "case-sensitive", "did you mean RS256?"}},
		{[]string{"inspect", "--demo", "--algs", "RS256,XYZ"}, []string{`"XYZ"`, "RS256, RS384"}},
		{[]string{"inspect", "--demo", "--alg", "none"}, []string{`"none"`, "never allowed"}},
		{[]string{"inspect", "--demo", "--algs", ","}, []string{"no algorithm"}},
		{[]string{"tui", "--demo", "--algs", "ES257"}, []string{"did you mean ES256?"}},
		{[]string{"fetch", "--algs", "eddsa"}, []string{"did you mean EdDSA?"}},
		{[]string{"diff", "a", "b", "--algs", "HS257"}, []string{"did you mean HS256?"}},
		{[]string{"inspect", "--demo", "--max-size", "-5"}, []string{"--max-size", "-5", "at least 1"}},
		{[]string{"inspect", "--demo", "--max-size", "0"}, []string{"--max-size", "at least 1"}},
		{[]string{"suggest", "--provider", "aws", "--demo", "--max-size", "0"}, []string{"--max-size", "at least 1"}},
		{[]string{"fetch", "--max-size=-1"}, []string{"--max-size", "at least 1"}},
	} {
		code, out, errOut := runCLI(t, "", tc.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %.80q…, stderr %q; want exit 2 and no report", tc.args, code, out, errOut)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%q: stderr %q, want %q in it", tc.args, errOut, w)
			}
		}
	}
	// The names oidcscope verifies, exactly as written, still pass.
	for _, args := range [][]string{
		{"inspect", "--demo", "--algs", "RS256,ES256", "--algs", "EdDSA"},
		{"inspect", "--demo", "--max-size", "1", "--max-size", "65536"},
	} {
		if code, _, errOut := runCLI(t, "", args...); code != 0 {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// TestAlgNamesQuotedOnce: an --algs name oidcscope does not verify stands
// in the usage error raw between double quotes, so stderr (exitCodeOf
// escapes the message once) shows an ESC as \x1b and a literal
// backslash-x1b as \\x1b.
func TestAlgNamesQuotedOnce(t *testing.T) {
	for _, h := range escapetest.Hostile {
		t.Run(h.Name, func(t *testing.T) {
			near := "RS256" + string([]rune(h.Value)[1]) // one edit from RS256: "did you mean"
			for _, name := range []string{h.Value, near} {
				err := checkAlg(name)
				if err == nil {
					t.Fatalf("checkAlg(%q) accepted it", name)
				}
				escapetest.WantQuotedOnce(t, "checkAlg", err.Error(), name)
			}
			// stderr is shown already: it holds the name escaped once.
			_, _, errOut := runCLI(t, "", "inspect", "--demo", "--algs", h.Value)
			if want := escape.Text(escape.Quoted(h.Value) + " is not a JWS algorithm"); !strings.Contains(errOut, want) {
				t.Errorf("stderr\n\t%s\nwant it to hold\n\t%s", errOut, want)
			}
		})
	}
}

// TestFlagValueQuotedOnce: a value a flag refuses stands once-escaped in
// the usage error, in pflag's own words ("invalid argument … for …
// flag"), which quoted it with %q before stderr escaped it again.
func TestFlagValueQuotedOnce(t *testing.T) {
	for _, h := range escapetest.Hostile {
		t.Run(h.Name, func(t *testing.T) {
			code, _, errOut := runCLI(t, "", "inspect", "--demo", "--max-size", h.Value)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stderr %q", code, errOut)
			}
			if want := escape.Text("invalid argument " + escape.Quoted(h.Value) + ` for "--max-size" flag`); !strings.Contains(errOut, want) {
				t.Errorf("stderr\n\t%s\nwant it to hold\n\t%s", errOut, want)
			}
		})
	}
}
