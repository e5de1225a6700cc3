package octosts

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func suggestAndParse(t *testing.T, p *Provider, tok policy.Token, scope policy.Scope) (policy.Suggestion, policy.Policy) {
	t.Helper()
	s, err := p.Suggest(tok, scope)
	if err != nil {
		t.Fatalf("Suggest(%s): %v", scope, err)
	}
	if s.Provider != policy.OctoSTS || s.Format != "yaml" || s.Scope != scope {
		t.Errorf("suggestion header %s %s %s", s.Provider, s.Format, s.Scope)
	}
	if !p.Detect([]byte(s.Document)) {
		t.Errorf("Detect refuses the suggestion:\n%s", s.Document)
	}
	pols, err := p.Parse("suggested.sts.yaml", []byte(s.Document))
	if err != nil {
		t.Fatalf("the suggestion does not parse: %v\n%s", err, s.Document)
	}
	return s, pols[0]
}

// TestSuggestRoundTrips: for every fixture token and scope, the
// suggestion parses, allows its token and denies other-repo; scope
// environment without an environment claim is an error that says so.
func TestSuggestRoundTrips(t *testing.T) {
	p := provider()
	other := policytest.FixtureToken(t, "other-repo")
	for _, name := range policytest.FixtureNames() {
		tok := policytest.FixtureToken(t, name)
		_, hasEnv := tok.String("environment")
		for _, scope := range policy.Scopes {
			t.Run(name+"/"+string(scope), func(t *testing.T) {
				if scope == policy.ScopeEnvironment && !hasEnv {
					_, err := p.Suggest(tok, scope)
					if !errors.Is(err, ErrCannotSuggest) || !strings.Contains(err.Error(), "environment") {
						t.Fatalf("want an error about the missing environment claim, got %v", err)
					}
					return
				}
				s, pol := suggestAndParse(t, p, tok, scope)
				if r := pol.Evaluate(tok); r.Verdict != policy.Allow {
					t.Fatalf("suggestion refuses its own token: %s\n%s", r.Summary, s.Document)
				}
				if r := pol.Evaluate(tok); len(r.Lint) != 0 {
					t.Errorf("suggestion has lint findings: %+v\n%s", r.Lint, s.Document)
				}
				if name != "other-repo" {
					if r := pol.Evaluate(other); r.Verdict != policy.Deny {
						t.Errorf("suggestion accepts other-repo: %s\n%s", r.Verdict, s.Document)
					}
				}
			})
		}
	}
}

// TestSuggestDocument: what the push-main suggestion pins.
func TestSuggestDocument(t *testing.T) {
	s, _ := suggestAndParse(t, provider(), policytest.FixtureToken(t, "push-main"), policy.ScopeRef)
	for _, w := range []string{
		`issuer: "https://token.actions.githubusercontent.com"`,
		`subject_pattern: "(?:repo:octo-org/octo-repo|repo:octo-org@65/octo-repo@74):ref:refs/heads/main"`,
		`audience: "sts.amazonaws.com"`,
		"claim_pattern:\n  event_name: \"push\"\n  repository_id: \"74\"\n  repository_owner_id: \"65\"\n",
		"permissions:\n  contents: read",
	} {
		if !strings.Contains(s.Document, w) {
			t.Errorf("document lacks %q:\n%s", w, s.Document)
		}
	}
	notes := strings.Join(s.Notes, "\n")
	for _, w := range []string{"both subject forms", "placeholder", "not octo-sts.dev", "repository_id"} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
}

// TestSuggestScopes: each scope lets through what it should and nothing
// wider.
func TestSuggestScopes(t *testing.T) {
	p := provider()
	immutable := map[string]any{"sub": "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"}
	tests := []struct {
		name  string
		base  string
		scope policy.Scope
		other map[string]any
		want  policy.Verdict
	}{
		{"ref: the immutable form of the same run", "push-main", policy.ScopeRef, immutable, policy.Allow},
		{"ref: another branch", "push-main", policy.ScopeRef, map[string]any{"sub": "repo:octo-org/octo-repo:ref:refs/heads/dev", "ref": "refs/heads/dev"}, policy.Deny},
		{"ref: a prefix-extended branch", "push-main", policy.ScopeRef, map[string]any{"sub": "repo:octo-org/octo-repo:ref:refs/heads/main-evil"}, policy.Deny},
		{"ref: a renamed repository's old name re-registered", "push-main", policy.ScopeRef, map[string]any{"repository_id": "999"}, policy.Deny},
		{"repo: a pull request of the same repository", "push-main", policy.ScopeRepo, map[string]any{"sub": "repo:octo-org/octo-repo:pull_request", "ref": "refs/pull/1/merge"}, policy.Allow},
		{"repo: another repository of the owner", "push-main", policy.ScopeRepo, map[string]any{"sub": "repo:octo-org/octo-docs:ref:refs/heads/main", "repository": "octo-org/octo-docs", "repository_id": "4242"}, policy.Deny},
		{"environment: another environment", "environment-prod", policy.ScopeEnvironment, map[string]any{"sub": "repo:octo-org/octo-repo:environment:staging", "environment": "staging"}, policy.Deny},
		{"environment: same environment from another branch", "environment-prod", policy.ScopeEnvironment, map[string]any{"ref": "refs/heads/dev"}, policy.Allow},
		{"environment: immutable form", "environment-prod", policy.ScopeEnvironment, map[string]any{"sub": "repo:octo-org@65/octo-repo@74:environment:prod"}, policy.Allow},
		{"workflow: another workflow file", "push-main", policy.ScopeWorkflow, map[string]any{"job_workflow_ref": "octo-org/octo-repo/.github/workflows/other.yml@refs/heads/main"}, policy.Deny},
		{"workflow: a dot-for-any-character lookalike", "push-main", policy.ScopeWorkflow, map[string]any{"job_workflow_ref": "octo-org/octo-repo/.github/workflows/deployxyml@refs/heads/main"}, policy.Deny},
		{"immutable token: the legacy form is trusted too", "immutable-sub", policy.ScopeRef, map[string]any{"sub": "repo:octo-org/octo-repo:ref:refs/heads/main"}, policy.Allow},
		{"immutable token: another owner ID", "immutable-sub", policy.ScopeRef, map[string]any{"sub": "repo:octo-org@66/octo-repo@74:ref:refs/heads/main", "repository_owner_id": "66"}, policy.Deny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, pol := suggestAndParse(t, p, policytest.FixtureToken(t, tt.base), tt.scope)
			if r := pol.Evaluate(policytest.ClaimsWith(t, tt.base, tt.other)); r.Verdict != tt.want {
				t.Errorf("%s, want %s: %s\n%s", r.Verdict, tt.want, r.Summary, s.Document)
			}
		})
	}
}

// TestSuggestSpecialTokens: the STS domain as aud, a customised sub, no
// IDs, hostile values, missing claims, unknown scope.
func TestSuggestSpecialTokens(t *testing.T) {
	p := provider()
	t.Run("aud octo-sts.dev needs no audience line", func(t *testing.T) {
		s, _ := suggestAndParse(t, p, policytest.ClaimsWith(t, "push-main", map[string]any{"aud": "octo-sts.dev"}), policy.ScopeRef)
		if strings.Contains(s.Document, "audience") {
			t.Errorf("audience line for the default audience:\n%s", s.Document)
		}
	})
	t.Run("a sub template without repo pins the sub exactly", func(t *testing.T) {
		tok := policytest.ClaimsWith(t, "push-main", map[string]any{"sub": "repository_owner_id:65:repository_id:74:ref:refs/heads/main"})
		s, pol := suggestAndParse(t, p, tok, policy.ScopeRef)
		if !strings.Contains(s.Document, `subject: "repository_owner_id:65:repository_id:74:ref:refs/heads/main"`) {
			t.Errorf("no exact subject:\n%s", s.Document)
		}
		if r := pol.Evaluate(tok); r.Verdict != policy.Allow {
			t.Error(r.Summary)
		}
	})
	t.Run("no IDs: legacy form only, with a note", func(t *testing.T) {
		s, _ := suggestAndParse(t, p, policytest.ClaimsWith(t, "push-main", map[string]any{"repository_id": nil, "repository_owner_id": nil}), policy.ScopeRef)
		if strings.Contains(s.Document, "@") || !strings.Contains(strings.Join(s.Notes, " "), "no repository_id") {
			t.Errorf("document or notes wrong:\n%s\n%v", s.Document, s.Notes)
		}
	})
	t.Run("hostile values stay inside their scalars", func(t *testing.T) {
		ref := "refs/heads/x\"\n  evil: \\u2028\u2028\u0085\ufeff\x1b[31m|.*"
		hostile := map[string]any{"ref": ref, "job_workflow_ref": "octo-org/octo-repo/.github/workflows/a.yml@" + ref}
		// In claims octo-sts does not validate, the suggestion matches them.
		tok := policytest.ClaimsWith(t, "push-main", hostile)
		for _, scope := range []policy.Scope{policy.ScopeRepo, policy.ScopeRef, policy.ScopeWorkflow} {
			s, pol := suggestAndParse(t, p, tok, scope)
			if r := pol.Evaluate(tok); r.Verdict != policy.Allow {
				t.Errorf("%s: %s\n%s", scope, r.Summary, s.Document)
			}
			if strings.Contains(s.Document, "\n  evil:") {
				t.Errorf("%s: a value broke out of its scalar:\n%s", scope, s.Document)
			}
		}
		// In sub, octo-sts refuses the token whatever the policy: no
		// suggestion can help, and the error says why.
		hostile["sub"] = "repo:octo-org/octo-repo:ref:" + ref
		tok = policytest.ClaimsWith(t, "push-main", hostile)
		for _, scope := range []policy.Scope{policy.ScopeRepo, policy.ScopeRef, policy.ScopeWorkflow} {
			s, err := p.Suggest(tok, scope)
			if !errors.Is(err, ErrCannotSuggest) || !strings.Contains(fmt.Sprint(err), "invalid subject in token") {
				t.Errorf("%s: Suggest error %v, want octo-sts's refusal of the subject", scope, err)
			}
			if strings.Contains(s.Document, "\n  evil:") {
				t.Errorf("%s: a value broke out of its scalar:\n%s", scope, s.Document)
			}
		}
	})
	for name, tok := range map[string]policy.Token{
		"no iss":         policytest.ClaimsWith(t, "push-main", map[string]any{"iss": nil}),
		"no sub":         policytest.ClaimsWith(t, "push-main", map[string]any{"sub": nil}),
		"numeric aud":    policytest.ClaimsWith(t, "push-main", map[string]any{"aud": 5}),
		"duplicated sub": policytest.Payload(t, `{"iss":"x","sub":"a","sub":"b","aud":"y"}`),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := p.Suggest(tok, policy.ScopeRef); !errors.Is(err, ErrCannotSuggest) {
				t.Errorf("want ErrCannotSuggest, got %v", err)
			}
		})
	}
	t.Run("unknown scope", func(t *testing.T) {
		if _, err := p.Suggest(policytest.FixtureToken(t, "push-main"), "branch"); !errors.Is(err, ErrCannotSuggest) || !strings.Contains(err.Error(), "unknown scope") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("workflow scope without job_workflow_ref", func(t *testing.T) {
		if _, err := p.Suggest(policytest.ClaimsWith(t, "push-main", map[string]any{"job_workflow_ref": nil}), policy.ScopeWorkflow); err == nil || !strings.Contains(err.Error(), "job_workflow_ref") {
			t.Errorf("got %v", err)
		}
	})
}
