package policytest

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// CheckHostileSuggestion holds p's suggestion for hostile, a token whose
// claim values are made to break out of a literal or a quoted string, to
// what every provider promises: no raw U+202E in the document, the
// document allows hostile, and it denies other, the same token without
// the injection (so the value did not widen the condition).
func CheckHostileSuggestion(t *testing.T, p policy.Provider, hostile, other policy.Token) {
	t.Helper()
	s, err := p.Suggest(hostile, policy.ScopeRef)
	if err != nil {
		t.Fatalf("Suggest: %v", err)
	}
	if strings.ContainsRune(s.Document, '\u202e') {
		t.Errorf("raw U+202E in the document:\n%s", s.Document)
	}
	pol := ParseOne(t, p, "suggestion", s.Document)
	if r := pol.Evaluate(hostile); r.Verdict != policy.Allow {
		t.Fatalf("the hostile token is not allowed by its own suggestion: %s\n%s", r.Summary, s.Document)
	}
	if r := pol.Evaluate(other); r.Verdict != policy.Deny {
		t.Errorf("injection: a token with ref refs/heads/x is %s", r.Verdict)
	}
}
