package policytest

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// CheckSuggestionsAllowed runs SuggestAllowed in a subtest "<name>/<scope>"
// for every token of toks (keyed by name) and every scope; a token has an
// environment when it carries an environment string claim. check, when not
// nil, then holds each suggestion, its policy and the token's result to
// what only that provider promises.
func CheckSuggestionsAllowed(t *testing.T, p policy.Provider, toks map[string]policy.Token, format string, errSuggest error, check func(t *testing.T, s policy.Suggestion, pol policy.Policy, r policy.Result)) {
	t.Helper()
	for name, tok := range toks {
		_, hasEnv := tok.String("environment")
		for _, scope := range policy.Scopes {
			t.Run(name+"/"+string(scope), func(t *testing.T) {
				s, pol, r, ok := SuggestAllowed(t, p, tok, scope, hasEnv, format, errSuggest)
				if ok && check != nil {
					check(t, s, pol, r)
				}
			})
		}
	}
}
