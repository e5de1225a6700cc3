package k8s

import (
	"sync"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestConcurrentEvaluate: a parsed policy is evaluated from many
// goroutines (the TUI re-evaluates while the report renders); results
// must not share or race on the policy's slices.
func TestConcurrentEvaluate(t *testing.T) {
	p := parseOne(t, string(readFixture(t, "multi-issuer.yaml")))
	toks := []policy.Token{fixtureToken(t, "push-main"), fixtureToken(t, "other-repo"), fixtureToken(t, "enterprise")}
	want := make([]policy.Verdict, len(toks))
	for i, tk := range toks {
		want[i] = p.Evaluate(tk).Verdict
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				r := p.Evaluate(toks[i%len(toks)])
				if r.Verdict != want[i%len(toks)] {
					t.Errorf("verdict %s, want %s", r.Verdict, want[i%len(toks)])
				}
				for j := range r.Conditions { // results are the caller's to change
					r.Conditions[j].Expected = append(r.Conditions[j].Expected[:0], "scribble")
				}
			}
		}()
	}
	wg.Wait()
	if r := p.Evaluate(toks[0]); r.Verdict != policy.Allow || cond(t, r, "issuer.audiences").Expected[0] != "sts.amazonaws.com" {
		t.Errorf("scribbling on results changed the policy: %+v", r.Conditions)
	}
}
