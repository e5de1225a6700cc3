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

// TestDemoSessionUnloads: the paste screen's demo (ctrl+d) unloads a
// policy document with d, as every other session does; it used to answer
// "this session cannot unload policy documents".
func TestDemoSessionUnloads(t *testing.T) {
	s, err := demoSession()
	if err != nil {
		t.Fatal(err)
	}
	const file = "../../fixtures/policies/aws/trust-deny-pull-requests.json"
	s, failures := s.WithPolicyFiles(file)
	if len(failures) > 0 || s.PolicyCount() != 1 {
		t.Fatalf("loading %s: %d policies, failures %+v", file, s.PolicyCount(), failures)
	}
	s, n, err := s.WithoutPolicies(file)
	if err != nil || n != 1 || s.PolicyCount() != 0 {
		t.Errorf("unloading %s: %d unloaded, %d left, err %v", file, n, s.PolicyCount(), err)
	}
}
