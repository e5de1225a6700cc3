package policytest

import (
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/internal/guard"
	"github.com/oidcscope/oidcscope/policy"
)

// EvaluateBounded runs evaluate, which must end (a guard of 20 s, not a
// timing assertion: the unbounded runs it guards against take minutes),
// and checks its verdict and that its summary and error both mention
// each of mentions. It returns the result for further checks.
func EvaluateBounded(t *testing.T, evaluate func() policy.Result, want policy.Verdict, mentions []string) policy.Result {
	t.Helper()
	r, ok := guard.Within(20*time.Second, evaluate)
	if !ok {
		t.Fatal("still evaluating after 20 s")
	}
	if r.Verdict != want {
		t.Fatalf("verdict %s (%s), want %s", r.Verdict, policy.Shorten(r.Summary, 300), want)
	}
	for _, m := range mentions {
		if !strings.Contains(r.Summary, m) || !strings.Contains(r.Error, m) {
			t.Errorf("summary %q (error %q) does not mention %q", policy.Shorten(r.Summary, 300), policy.Shorten(r.Error, 300), m)
		}
	}
	return r
}
