package entra

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestEverySuggestionAllowsItsToken: the document a suggestion prints is
// what a user checks with `inspect --policy`, so every credential in it
// must let the token in (requested with Entra's audience): none may be a
// deny that inspect reports as a verdict and an exit status of 1. The
// credential for the token's other subject form, which no token can
// match together with this one, is in the notes instead.
func TestEverySuggestionAllowsItsToken(t *testing.T) {
	for _, name := range policytest.FixtureNames() {
		tok := policytest.ClaimsWith(t, name, map[string]any{"aud": AzureAudience})
		for _, scope := range policy.Scopes {
			t.Run(name+"/"+string(scope), func(t *testing.T) {
				sug, err := New().Suggest(tok, scope)
				if err != nil {
					if !errors.Is(err, ErrSuggest) {
						t.Fatalf("Suggest: %v, not an ErrSuggest", err)
					}
					return // a refusal says why; nothing is printed
				}
				pols := suggestPolicies(t, sug)
				for _, p := range pols {
					if r := p.Evaluate(tok); r.Verdict != policy.Allow {
						t.Errorf("credential %s of the suggestion: %s (%s)\n%s", p.Name(), r.Verdict, r.Summary, sug.Document)
					}
				}
				if err := policy.CheckSuggestion(New(), sug.Document, tok); err != nil {
					t.Errorf("CheckSuggestion: %v", err)
				}
			})
		}
	}
}

// TestSuggestOtherFormInNotes: the credential for the other subject form
// is in a note, as an object to create in the same app, and admits the
// token once its repository moves to that form.
func TestSuggestOtherFormInNotes(t *testing.T) {
	tests := []struct {
		token, otherSub string
		scope           policy.Scope
	}{
		{"push-main", "repo:octo-org@65/octo-repo@74:ref:refs/heads/main", policy.ScopeRef},
		{"push-main", "repo:octo-org@65/octo-repo@74:ref:refs/heads/main", policy.ScopeRepo},
		{"environment-prod", "repo:octo-org@65/octo-repo@74:environment:prod", policy.ScopeEnvironment},
		{"environment-prod", "repo:octo-org@65/octo-repo@74:environment:prod", policy.ScopeWorkflow},
		{"immutable-sub", "repo:octo-org/octo-repo:ref:refs/heads/main", policy.ScopeRef},
		{"immutable-sub", "repo:octo-org/octo-repo:ref:refs/heads/main", policy.ScopeWorkflow},
	}
	for _, tc := range tests {
		t.Run(tc.token+"/"+string(tc.scope), func(t *testing.T) {
			sug, err := New().Suggest(policytest.ClaimsWith(t, tc.token, map[string]any{"aud": AzureAudience}), tc.scope)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(suggestPolicies(t, sug)); n != 1 {
				t.Errorf("%d credentials in the document, want 1 (the token's own subject form):\n%s", n, sug.Document)
			}
			other, note := otherFormCredential(t, sug.Notes)
			if other == "" {
				t.Fatalf("no note holds the other form's credential: %q", sug.Notes)
			}
			policytest.CheckText(t, "other-form note", note, []string{"same app", "any one federated credential"}, nil)
			migrated := policytest.ClaimsWith(t, tc.token, map[string]any{"aud": AzureAudience, "sub": tc.otherSub})
			if r := parseOne(t, other).Evaluate(migrated); r.Verdict != policy.Allow {
				t.Errorf("the note's credential does not allow sub %s: %s %s\n%s", tc.otherSub, r.Verdict, r.Summary, other)
			}
		})
	}
}

// otherFormCredential finds the note ending in a credential object and
// returns the object and the note.
func otherFormCredential(t *testing.T, notes []string) (string, string) {
	t.Helper()
	for _, n := range notes {
		i := strings.Index(n, `{"name":`)
		if i < 0 {
			continue
		}
		obj := n[i:]
		if !json.Valid([]byte(obj)) {
			t.Errorf("the note's object is not JSON: %s", obj)
			return "", n
		}
		return obj, n
	}
	return "", ""
}
