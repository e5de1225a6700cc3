package gcp

import (
	"sync"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestConcurrentEvaluate: one parsed provider (its compiled CEL programs
// and the shared environment) serves concurrent evaluations; run with
// -race.
func TestConcurrentEvaluate(t *testing.T) {
	p := fixturePolicy(t, "iam-policy.json")
	toks := map[string]policy.Verdict{"push-main": policy.Allow, "other-repo": policy.Deny, "environment-prod": policy.Deny}
	loaded := map[string]policy.Token{}
	for n := range toks {
		loaded[n] = fixtureToken(t, n)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n, want := range toks {
				if r := p.Evaluate(loaded[n]); r.Verdict != want {
					t.Errorf("%s: %s, want %s", n, r.Verdict, want)
				}
			}
			if _, err := New().Parse("x.json", readFixture(t, "octo-repo-main.json")); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
