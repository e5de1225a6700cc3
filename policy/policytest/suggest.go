package policytest

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// SuggestAllowed asks p for tok's suggestion in scope and checks what
// every round trip keeps: without an environment claim (hasEnv false) the
// environment scope fails with errSuggest naming the claim, and ok is
// false; otherwise the suggestion's header names the provider, scope and
// format, with notes, p detects its document, and the one policy the
// document holds allows tok. It returns the suggestion and that policy
// for the provider's own checks.
func SuggestAllowed(t *testing.T, p policy.Provider, tok policy.Token, scope policy.Scope, hasEnv bool, format string, errSuggest error) (s policy.Suggestion, pol policy.Policy, r policy.Result, ok bool) {
	t.Helper()
	s, err := p.Suggest(tok, scope)
	if scope == policy.ScopeEnvironment && !hasEnv {
		if !errors.Is(err, errSuggest) || !strings.Contains(err.Error(), "environment claim") {
			t.Fatalf("environment scope without an environment claim: %v", err)
		}
		return s, nil, r, false
	}
	if err != nil {
		t.Fatalf("Suggest: %v", err)
	}
	if s.Provider != p.ID() || s.Scope != scope || s.Format != format || len(s.Notes) == 0 {
		t.Errorf("suggestion header %+v", s)
	}
	if !p.Detect([]byte(s.Document)) {
		t.Fatalf("Detect rejects the suggestion:\n%s", s.Document)
	}
	pol = ParseOne(t, p, "suggestion", s.Document)
	r = pol.Evaluate(tok)
	if r.Verdict != policy.Allow {
		t.Fatalf("the suggestion does not allow its token: %s\n%s", r.Summary, s.Document)
	}
	return s, pol, r, true
}

// SuggestRefusal is a token Suggest must refuse: the changes to the
// provider's base claims (as TokenWith takes them), the scope asked for,
// and what the error must mention.
type SuggestRefusal struct {
	Name    string
	Changes map[string]string
	Scope   policy.Scope
	Want    string
}

// CheckSuggestRefusals asks p for each case's suggestion, with the token
// tokenWith builds from the case's changes, and fails the test unless the
// error wraps errSuggest and mentions the case's Want.
func CheckSuggestRefusals(t *testing.T, p policy.Provider, errSuggest error, tokenWith func(testing.TB, map[string]string) policy.Token, cases []SuggestRefusal) {
	t.Helper()
	for _, c := range cases {
		_, err := p.Suggest(tokenWith(t, c.Changes), c.Scope)
		if err == nil || !errors.Is(err, errSuggest) || !strings.Contains(err.Error(), c.Want) {
			t.Errorf("%s: error %v, want %v mentioning %q", c.Name, err, errSuggest, c.Want)
		}
	}
}
