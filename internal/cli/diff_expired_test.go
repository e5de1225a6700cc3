package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/fixtures"
)

// TestDiffTokensShowFailedTime: a token whose signature verifies but
// whose exp or nbf check fails shows that failure next to "✓ valid" on
// its Tokens line, so "valid" is not read as "usable"; a check failing
// on both sides appears in no "Checks that differ".
func TestDiffTokensShowFailedTime(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jwks := write("jwks.json", fixtures.DemoJWKS())
	var toks [2]string
	for i, name := range []string{"push-main", "pull-request"} {
		tok, err := fixtures.Sign(name, fixtures.StaticIAT())
		if err != nil {
			t.Fatal(err)
		}
		toks[i] = write(name+".jwt", []byte(tok))
	}
	at := func(d time.Duration) string { return fixtures.StaticIAT().Add(d).Format(time.RFC3339) }
	for _, tc := range []struct {
		name, at string
		want     string // on both Tokens lines, after ✓ valid; "" for nothing
	}{
		{"expired", at(2 * time.Hour), "✓ valid  ✗ exp"},
		{"not yet valid", at(-2 * time.Hour), "✓ valid  ✗ nbf"},
		{"in time", at(time.Minute), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, out, errOut := runCLI(t, "", "diff", toks[0], toks[1], "--jwks", jwks, "--at", tc.at)
			lines := tokenLines(out)
			if len(lines) != 2 {
				t.Fatalf("want two Tokens lines, got %q (stderr %q)", out, errOut)
			}
			for _, l := range lines {
				if !strings.Contains(l, "✓ valid") {
					t.Errorf("Tokens line %q: want ✓ valid", l)
				}
				if tc.want != "" && !strings.Contains(l, tc.want) {
					t.Errorf("Tokens line %q: want %q", l, tc.want)
				}
				if tc.want == "" && (strings.Contains(l, "exp") || strings.Contains(l, "nbf")) {
					t.Errorf("Tokens line %q: a token in time shows no time check", l)
				}
			}
		})
	}
}

// tokenLines are the "  A  …" and "  B  …" lines of diff's text report.
func tokenLines(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "  A  ") || strings.HasPrefix(l, "  B  ") {
			lines = append(lines, l)
		}
	}
	return lines
}
