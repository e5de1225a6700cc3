package entra

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func suggestPolicies(t *testing.T, sug policy.Suggestion) []policy.Policy {
	t.Helper()
	if sug.Provider != policy.Entra || sug.Format != "json" {
		t.Fatalf("suggestion provider %q format %q, want entra json", sug.Provider, sug.Format)
	}
	if !New().Detect([]byte(sug.Document)) {
		t.Fatalf("Detect does not recognise the suggestion:\n%s", sug.Document)
	}
	pols, err := New().Parse("suggestion", []byte(sug.Document))
	if err != nil {
		t.Fatalf("the suggestion does not parse: %v\n%s", err, sug.Document)
	}
	return pols
}

func anyAllows(pols []policy.Policy, tok policy.Token) (bool, []string) {
	var summaries []string
	for _, p := range pols {
		r := p.Evaluate(tok)
		if r.Verdict == policy.Allow {
			return true, nil
		}
		summaries = append(summaries, p.Name()+": "+string(r.Verdict)+" "+r.Summary)
	}
	return false, summaries
}

// TestSuggestRoundTrip: every suggestion parses, allows the token it was
// made for (with Entra's audience), denies other-repo, and draws no
// warning or error from the linter.
func TestSuggestRoundTrip(t *testing.T) {
	other := policytest.FixtureToken(t, "other-repo")
	otherAzure := policytest.ClaimsWith(t, "other-repo", map[string]any{"aud": AzureAudience})
	tests := []struct {
		token   string
		scope   policy.Scope
		wantErr string // "" = a suggestion
	}{
		{"push-main", policy.ScopeRepo, ""},
		{"push-main", policy.ScopeRef, ""},
		{"push-main", policy.ScopeEnvironment, "needs an environment claim"},
		{"push-main", policy.ScopeWorkflow, ""},
		{"environment-prod", policy.ScopeRepo, ""},
		{"environment-prod", policy.ScopeRef, "environment form"},
		{"environment-prod", policy.ScopeEnvironment, ""},
		{"environment-prod", policy.ScopeWorkflow, ""},
		{"immutable-sub", policy.ScopeRepo, ""},
		{"immutable-sub", policy.ScopeRef, ""},
		{"immutable-sub", policy.ScopeEnvironment, "needs an environment claim"},
		{"immutable-sub", policy.ScopeWorkflow, ""},
		{"reusable-workflow", policy.ScopeWorkflow, ""},
		{"reusable-workflow", policy.ScopeRef, ""},
		{"custom-sub", policy.ScopeEnvironment, ""},
		{"custom-sub", policy.ScopeRef, "environment form"},
		{"pull-request", policy.ScopeRepo, ""},
		{"pull-request", policy.ScopeRef, "pull_request form"},
		{"enterprise", policy.ScopeRef, ""},
		{"enterprise", policy.ScopeRepo, "documented for the issuer https://token.actions.githubusercontent.com only"},
		{"self-hosted", policy.ScopeWorkflow, ""},
	}
	for _, tc := range tests {
		t.Run(tc.token+"/"+string(tc.scope), func(t *testing.T) {
			fixture := policytest.FixtureToken(t, tc.token)
			sug, err := New().Suggest(fixture, tc.scope)
			if tc.wantErr != "" {
				if err == nil || !errors.Is(err, ErrSuggest) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Suggest: %v; want an ErrSuggest saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Suggest: %v", err)
			}
			if sug.Scope != tc.scope {
				t.Errorf("suggestion scope %q, want %q", sug.Scope, tc.scope)
			}
			pols := suggestPolicies(t, sug)
			if len(pols) != 1 {
				t.Errorf("%d credentials, want 1 (the token's subject form; the other is a note):\n%s", len(pols), sug.Document)
			}
			azure := policytest.ClaimsWith(t, tc.token, map[string]any{"aud": AzureAudience})
			if ok, why := anyAllows(pols, azure); !ok {
				t.Errorf("the suggestion does not allow %s (aud %s): %q\n%s", tc.token, AzureAudience, why, sug.Document)
			}
			for _, tok := range []policy.Token{other, otherAzure} {
				if ok, _ := anyAllows(pols, tok); ok {
					t.Errorf("the suggestion allows other-repo:\n%s", sug.Document)
				}
			}
			// With the fixture's own audience: environment-prod is allowed
			// as is; the others fail on aud alone in the matching credential.
			if tc.token == "environment-prod" {
				if ok, why := anyAllows(pols, fixture); !ok {
					t.Errorf("environment-prod fixture not allowed: %q", why)
				}
			} else {
				checkAudOnlyFailure(t, pols, fixture)
			}
			for _, p := range pols {
				for _, f := range p.Evaluate(azure).Lint {
					if f.Severity != policy.SevInfo {
						t.Errorf("suggested credential %s draws %s finding %s: %s", p.Name(), f.Severity, f.Rule, f.Message)
					}
				}
			}
		})
	}
}

// checkAudOnlyFailure: every credential denies the token, and one of them
// fails on aud alone, with Entra's audience in the diagnosis.
func checkAudOnlyFailure(t *testing.T, pols []policy.Policy, tok policy.Token) {
	t.Helper()
	audOnly := false
	for _, p := range pols {
		r := p.Evaluate(tok)
		if r.Verdict != policy.Deny {
			t.Errorf("%s: %s with a non-Entra audience, want deny", p.Name(), r.Verdict)
		}
		f := policytest.Failing(r)
		if len(f) == 1 && f[0].Claims[0] == "aud" && policytest.HasDiagnosis(f[0], `Entra expects aud "api://AzureADTokenExchange"`) {
			audOnly = true
		}
	}
	if !audOnly {
		t.Errorf("no credential fails on aud alone with the Entra audience diagnosis")
	}
}

func TestSuggestDocumentShape(t *testing.T) {
	tok := policytest.FixtureToken(t, "environment-prod")
	sug, err := New().Suggest(tok, policy.ScopeEnvironment)
	if err != nil {
		t.Fatal(err)
	}
	var docs []map[string]any
	if err := json.Unmarshal([]byte(sug.Document), &docs); err != nil {
		t.Fatalf("standard suggestion is not a JSON array: %v", err)
	}
	want := []string{"repo:octo-org/octo-repo:environment:prod"}
	if len(docs) != len(want) {
		t.Errorf("%d credentials, want %d", len(docs), len(want))
	}
	for i, d := range docs {
		if d["subject"] != want[i] || d["issuer"] != gh || d["claimsMatchingExpression"] != nil {
			t.Errorf("credential %d: %v; want subject %s, issuer %s, no expression", i, d, want[i], gh)
		}
		auds, _ := d["audiences"].([]any)
		if len(auds) != 1 || auds[0] != AzureAudience {
			t.Errorf("credential %d audiences %v, want [%s]", i, auds, AzureAudience)
		}
		name, _ := d["name"].(string)
		if !validName(name) {
			t.Errorf("credential %d name %q is not a valid Entra name", i, name)
		}
		if desc, _ := d["description"].(string); desc == "" {
			t.Errorf("credential %d has no description", i)
		}
	}
	policytest.CheckText(t, "standard suggestion notes", strings.Join(sug.Notes, "\n"), []string{"20", "legacy", "immutable", "<APP_ID>", `"subject":"repo:octo-org@65/octo-repo@74:environment:prod"`}, nil)

	sug, err = New().Suggest(tok, policy.ScopeWorkflow)
	if err != nil {
		t.Fatal(err)
	}
	docs = nil
	if err := json.Unmarshal([]byte(sug.Document), &docs); err != nil {
		t.Fatal(err)
	}
	wantExpr := "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74' and claims['job_workflow_ref'] eq 'octo-org/octo-repo/.github/workflows/deploy-prod.yml@refs/heads/main'"
	expr, _ := docs[0]["claimsMatchingExpression"].(map[string]any)
	if expr["value"] != wantExpr || expr["languageVersion"] != 1.0 || docs[0]["subject"] != nil {
		t.Errorf("workflow suggestion expression %v, want %q with languageVersion 1 and no subject", expr, wantExpr)
	}
	policytest.CheckText(t, "flexible suggestion notes", strings.Join(sug.Notes, "\n"), []string{"preview", "az rest", "graph.microsoft.com/beta", "assumed: not documented", "repository_id 74"}, nil)

	sug, err = New().Suggest(policytest.FixtureToken(t, "push-main"), policy.ScopeRepo)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sug.Document, `"claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74'"`) {
		t.Errorf("repo suggestion lacks the documented expression:\n%s", sug.Document)
	}
	if !strings.Contains(strings.Join(sug.Notes, "\n"), `aud is "sts.amazonaws.com"`) {
		t.Errorf("push-main suggestion notes do not warn about its audience: %q", sug.Notes)
	}
}

func TestSuggestErrors(t *testing.T) {
	policytest.CheckSuggestRefusals(t, New(), ErrSuggest, azureToken, []policytest.SuggestRefusal{
		{Name: "no sub", Changes: map[string]string{"sub": ""}, Scope: policy.ScopeRef, Want: "no sub claim"},
		{Name: "duplicated sub", Changes: map[string]string{"sub": `"a","sub":"b"`}, Scope: policy.ScopeRef, Want: "2 times"},
		{Name: "no iss", Changes: map[string]string{"iss": ""}, Scope: policy.ScopeRef, Want: "no iss claim"},
		{Name: "iss with whitespace", Changes: map[string]string{"iss": `"` + gh + ` "`}, Scope: policy.ScopeRef, Want: "whitespace"},
		{Name: "unknown scope", Changes: nil, Scope: policy.Scope("branch"), Want: "unknown scope"},
		{Name: "no repository ids", Changes: map[string]string{"repository_id": "", "repository_owner_id": ""}, Scope: policy.ScopeRepo, Want: "repository_id or repository_owner_id"},
		{Name: "quote in job_workflow_ref", Changes: map[string]string{"job_workflow_ref": `"o/r/.github/workflows/a.yml@refs/heads/it's"`}, Scope: policy.ScopeWorkflow, Want: "single quote"},
		{Name: "custom sub without repo", Changes: map[string]string{"sub": `"repository_owner_id:65"`}, Scope: policy.ScopeRepo, Want: "does not start with repo:"},
		{Name: "ref not in sub", Changes: map[string]string{"sub": `"repository_owner_id:65"`}, Scope: policy.ScopeRef, Want: "does not name the ref"},
	})
}

func TestCredentialName(t *testing.T) {
	tests := map[[2]string]string{
		{"octo-org/octo-repo", "main"}:           "octo-repo-main",
		{"octo-org/octo-repo", "feature/x y"}:    "octo-repo-feature-x-y",
		{"octo-org/_r", "env-prod"}:              "r-env-prod",
		{"o/é", "x"}:                             "github-actions-x",
		{"o/" + strings.Repeat("a", 200), "env"}: strings.Repeat("a", 100),
	}
	for in, want := range tests {
		got := credentialName(in[0], in[1])
		if got != want || !validName(got+"-immutable") {
			t.Errorf("credentialName(%q, %q) = %q, want %q (valid with -immutable)", in[0], in[1], got, want)
		}
	}
}
