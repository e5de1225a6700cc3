package cli

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestDemoWordsSettingsAsFlags: the demo's report points at the flags
// that set what it checked, as a real token's does ("restrict with
// --algs"), on the command line and on the inspector's paste screen.
func TestDemoWordsSettingsAsFlags(t *testing.T) {
	const want, neutral = "(restrict with --algs)", "a list of allowed algorithms"
	for _, args := range [][]string{{"inspect", "--demo"}, {"inspect", "--demo-set", "pull-request"}} {
		_, out, errOut := runCLI(t, "", args...)
		if !strings.Contains(out, want) || strings.Contains(out, neutral) {
			t.Errorf("%q: want %q, not %q, in the report (stderr %q)", args, want, neutral, errOut)
		}
	}
	s, err := demoSession()
	if err != nil {
		t.Fatal(err)
	}
	tok, err := demoToken(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	rep := s.Inspect(context.Background(), tok)
	found := false
	for _, c := range rep.Verify.Checks {
		if c.Name == "alg" {
			found = true
			if !strings.Contains(c.Detail, want) {
				t.Errorf("the paste screen's demo: alg check %q, want %q", c.Detail, want)
			}
		}
	}
	if !found {
		t.Error("the paste screen's demo: no alg check")
	}
}
