package vault

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// Suggestions round-trip: parsed and evaluated against the token they were
// made from they allow; against the other repository's token they deny.
func TestSuggestRoundTrip(t *testing.T) {
	toks := map[string]policy.Token{}
	for _, name := range []string{"push-main", "environment-prod", "immutable-sub", "reusable-workflow", "pull-request", "custom-sub", "self-hosted", "enterprise"} {
		toks[name] = policytest.FixtureToken(t, name)
	}
	other := policytest.FixtureToken(t, "other-repo")
	policytest.CheckSuggestionsAllowed(t, New(), toks, "json", ErrSuggest, func(t *testing.T, _ policy.Suggestion, pol policy.Policy, _ policy.Result) {
		if res := pol.Evaluate(other); res.Verdict != policy.Deny {
			t.Errorf("other-repo %s (%s)", res.Verdict, res.Summary)
		}
	})
}

func TestSuggestContent(t *testing.T) {
	tests := []struct {
		token  string
		scope  policy.Scope
		scoped map[string]string // the scope's bound claims
	}{
		{"push-main", policy.ScopeRepo, nil},
		{"push-main", policy.ScopeRef, map[string]string{"ref": "refs/heads/main", "event_name": "push"}},
		{"environment-prod", policy.ScopeEnvironment, map[string]string{"environment": "prod"}},
		{"reusable-workflow", policy.ScopeWorkflow, map[string]string{"job_workflow_ref": "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main"}},
	}
	for _, tt := range tests {
		tok := policytest.FixtureToken(t, tt.token)
		sug, err := New().Suggest(tok, tt.scope)
		if err != nil {
			t.Fatal(err)
		}
		var doc roleDoc
		if err := json.Unmarshal([]byte(sug.Document), &doc); err != nil {
			t.Fatalf("%s/%s: document is not JSON: %v\n%s", tt.token, tt.scope, err, sug.Document)
		}
		aud, _ := tok.Strings("aud")
		if doc.RoleType != "jwt" || doc.UserClaim != "repository" || doc.BoundClaimsType != "string" || doc.TokenTTL != "10m" ||
			len(doc.BoundAudiences) != 1 || doc.BoundAudiences[0] != aud[0] {
			t.Errorf("%s/%s: role fields %+v", tt.token, tt.scope, doc)
		}
		if doc.BoundClaims["repository_id"] != "74" || doc.BoundClaims["repository_owner_id"] != "65" {
			t.Errorf("%s/%s: IDs not pinned: %v", tt.token, tt.scope, doc.BoundClaims)
		}
		wantClaims := 2 + len(tt.scoped)
		for claim, value := range tt.scoped {
			if doc.BoundClaims[claim] != value {
				t.Errorf("%s/%s: %s = %q, want %q", tt.token, tt.scope, claim, doc.BoundClaims[claim], value)
			}
		}
		if len(doc.BoundClaims) != wantClaims {
			t.Errorf("%s/%s: bound_claims %v, want %d entries", tt.token, tt.scope, doc.BoundClaims, wantClaims)
		}
		if doc.ClaimMappings["repository"] != "repository" || doc.ClaimMappings["run_id"] != "run_id" {
			t.Errorf("%s/%s: claim_mappings %v", tt.token, tt.scope, doc.ClaimMappings)
		}
		policytest.CheckText(t, tt.token+"/"+string(tt.scope)+" notes", strings.Join(sug.Notes, "\n"), []string{
			"`vault write auth/jwt/config bound_issuer=https://token.actions.githubusercontent.com oidc_discovery_url=https://token.actions.githubusercontent.com`",
			"no need to trust both",
			"token_policies",
			"vault write auth/jwt/role/octo-repo-" + string(tt.scope),
		}, nil)
	}
}

func TestSuggestErrors(t *testing.T) {
	policytest.CheckSuggestRefusals(t, New(), ErrSuggest, tokenWith, []policytest.SuggestRefusal{
		{Name: "no repository_id", Changes: map[string]string{"repository_id": ""}, Scope: policy.ScopeRepo, Want: "no repository_id"},
		{Name: "no aud", Changes: map[string]string{"aud": ""}, Scope: policy.ScopeRepo, Want: "no usable aud"},
		{Name: "empty ref", Changes: map[string]string{"ref": `""`}, Scope: policy.ScopeRef, Want: "ref is empty"},
		{Name: "no environment", Changes: nil, Scope: policy.ScopeEnvironment, Want: "add `environment: <name>`"},
		{Name: "unknown scope", Changes: nil, Scope: policy.Scope("branch"), Want: "unknown scope"},
		{Name: "numeric repository_id", Changes: map[string]string{"repository_id": `74`}, Scope: policy.ScopeRepo, Want: "not a string"},
	})
	if _, err := New().Suggest(policytest.Payload(t, `{`+pushMain+`,"aud":"x"}`), policy.ScopeRepo); err == nil || !strings.Contains(err.Error(), "aud 2 times") {
		t.Errorf("duplicated aud: %v", err)
	}
}

func TestSnippets(t *testing.T) {
	tok := policytest.FixtureToken(t, "environment-prod")
	snips := New().Snippets(tok)
	byText := map[string]policy.Snippet{}
	for _, s := range snips {
		if s.Provider != policy.Vault || s.Claim == "" || s.Note == "" {
			t.Errorf("snippet %+v lacks provider, claim or note", s)
		}
		byText[s.Text] = s
	}
	for text, claim := range map[string]string{
		`"repository_id": "74"`:                                         "repository_id",
		`"repository_owner_id": "65"`:                                   "repository_owner_id",
		`"environment": "prod"`:                                         "environment",
		`"ref": "refs/heads/main"`:                                      "ref",
		`"bound_subject": "repo:octo-org/octo-repo:environment:prod"`:   "sub",
		`"bound_audiences": ["api://AzureADTokenExchange"]`:             "aud",
		`"bound_issuer": "https://token.actions.githubusercontent.com"`: "iss",
	} {
		if s, ok := byText[text]; !ok || s.Claim != claim {
			t.Errorf("no snippet %s for %s; have %v", text, claim, snips)
		}
	}
	// Pasted into a role, the snippets hold for the token.
	var claims []string
	for _, s := range snips {
		if strings.HasPrefix(s.Note, "bound_claims entry") {
			claims = append(claims, s.Text)
		}
	}
	doc := `{"role_type":"jwt","user_claim":"repository",` + byText[`"bound_audiences": ["api://AzureADTokenExchange"]`].Text + `,` +
		byText[`"bound_subject": "repo:octo-org/octo-repo:environment:prod"`].Text + `,"bound_claims":{` + strings.Join(claims, ",") + `}}`
	if res := parseOne(t, doc).Evaluate(tok); res.Verdict != policy.Allow {
		t.Errorf("a role of all snippets denies its token: %s %+v", res.Summary, policytest.Failing(res))
	}
	// No snippet for an absent or non-string claim.
	for _, s := range New().Snippets(tokenWith(t, map[string]string{"environment": "", "ref": `7`})) {
		if s.Claim == "environment" || s.Claim == "ref" {
			t.Errorf("snippet for an absent or non-string claim: %+v", s)
		}
	}
}
