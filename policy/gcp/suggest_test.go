package gcp

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// placeholderAud is the default audience of the suggestion's placeholder
// provider name.
var placeholderAud = "https://iam.googleapis.com/projects/" + PlaceholderProject + "/locations/global/workloadIdentityPools/" + PlaceholderPool + "/providers/" + PlaceholderProvider

// TestSuggestRoundTrip: for every token and scope, the suggestion is
// detected, parses, allows the token it was built for, denies other-repo,
// and has no lint finding above info.
func TestSuggestRoundTrip(t *testing.T) {
	tokens := map[string]policy.Token{}
	for _, name := range []string{"push-main", "environment-prod", "immutable-sub", "reusable-workflow", "pull-request", "custom-sub", "enterprise", "self-hosted"} {
		tokens[name] = fixtureToken(t, name)
	}
	tokens["push-main@placeholder-aud"] = with(t, "push-main", map[string]any{"aud": placeholderAud})
	tokens["environment-prod@reference-aud"] = with(t, "environment-prod", map[string]any{"aud": refAud})
	tokens["push-main@list-aud"] = with(t, "push-main", map[string]any{"aud": rawJSON(`["x", "` + refAud + `"]`)})
	others := []policy.Token{
		fixtureToken(t, "other-repo"),
		with(t, "other-repo", map[string]any{"aud": placeholderAud}),
		with(t, "other-repo", map[string]any{"aud": refAud}),
	}
	for name, tok := range tokens {
		_, hasEnv := tok.String("environment")
		for _, scope := range policy.Scopes {
			t.Run(name+"/"+string(scope), func(t *testing.T) {
				s, p, r, ok := policytest.SuggestAllowed(t, New(), tok, scope, hasEnv, "json", ErrSuggest)
				if !ok {
					return
				}
				for _, f := range r.Lint {
					if f.Severity != policy.SevInfo {
						t.Errorf("lint finding %+v", f)
					}
				}
				for i, o := range others {
					if r := p.Evaluate(o); r.Verdict != policy.Deny {
						t.Errorf("the suggestion for %s does not deny other-repo #%d: %s %s", name, i, r.Verdict, r.Summary)
					}
				}
				if !strings.Contains(s.Document, `"attributeCondition": "assertion.repository_owner_id == '65' && assertion.repository_id == '74'`) {
					t.Errorf("the condition does not pin the IDs:\n%s", s.Document)
				}
				if !hasLine(s.Notes, "principalSet://iam.googleapis.com/", "/attribute.repository_id/74") {
					t.Errorf("notes lack the member to bind: %q", s.Notes)
				}
			})
		}
	}
}

// TestSuggestDocument: the describe shape, each scope's term, the
// audience choice and its notes.
func TestSuggestDocument(t *testing.T) {
	push := fixtureToken(t, "push-main")
	s, err := New().Suggest(push, policy.ScopeRepo)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "name": "projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL_ID>/providers/<PROVIDER_ID>",
  "attributeMapping": {
    "google.subject": "assertion.sub",
    "attribute.repository_id": "assertion.repository_id",
    "attribute.repository_owner_id": "assertion.repository_owner_id",
    "attribute.ref": "assertion.ref",
    "attribute.job_workflow_ref": "assertion.job_workflow_ref"
  },
  "attributeCondition": "assertion.repository_owner_id == '65' && assertion.repository_id == '74'",
  "oidc": {
    "issuerUri": "https://token.actions.githubusercontent.com",
    "allowedAudiences": [
      "sts.amazonaws.com"
    ]
  },
  "state": "ACTIVE"
}
`
	if s.Document != want {
		t.Errorf("document\n%s\nwant\n%s", s.Document, want)
	}
	for _, n := range []string{
		"google-github-actions/auth requests https://iam.googleapis.com/<provider> by default; drop allowedAudiences to use that",
		"principalSet://iam.googleapis.com/projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL_ID>/attribute.repository_id/74",
		"<PROJECT_NUMBER> (the project NUMBER, not its ID)",
		"sts.amazonaws.com is AWS's audience",
		"legacy (repo:OWNER/REPO:…) and the immutable (repo:OWNER@ID/REPO@ID:…) sub forms both pass",
	} {
		if !hasLine(s.Notes, n) {
			t.Errorf("notes lack %q:\n%s", n, strings.Join(s.Notes, "\n"))
		}
	}
	terms := map[policy.Scope]string{
		policy.ScopeRef:      " && assertion.ref == 'refs/heads/main' && assertion.event_name == 'push'\"",
		policy.ScopeWorkflow: " && assertion.job_workflow_ref == 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main'\"",
	}
	for scope, term := range terms {
		s, err := New().Suggest(push, scope)
		if err != nil || !strings.Contains(s.Document, term) {
			t.Errorf("%s: %v\n%s", scope, err, s.Document)
		}
	}
	env := fixtureToken(t, "environment-prod")
	s, err = New().Suggest(env, policy.ScopeEnvironment)
	if err != nil || !strings.Contains(s.Document, " && assertion.environment == 'prod'\"") || !strings.Contains(s.Document, `"attribute.environment": "assertion.environment"`) {
		t.Errorf("environment: %v\n%s", err, s.Document)
	}
	s, err = New().Suggest(env, policy.ScopeRepo)
	if err != nil || !strings.Contains(s.Document, `"attribute.environment": "has(assertion.environment) ? assertion.environment : ''"`) {
		t.Errorf("environment token, repo scope: %v\n%s", err, s.Document)
	}
	// The default audience: no allowedAudiences, the name from the aud.
	s, err = New().Suggest(with(t, "push-main", map[string]any{"aud": refAud}), policy.ScopeRepo)
	if err != nil || strings.Contains(s.Document, "allowedAudiences") || !strings.Contains(s.Document, `"name": "`+referenceProvider+`"`) {
		t.Errorf("default audience: %v\n%s", err, s.Document)
	}
	if !hasLine(s.Notes, "principalSet://iam.googleapis.com/"+poolPath+"/attribute.repository_id/74") || hasLine(s.Notes, "fill in") {
		t.Errorf("default audience notes: %q", s.Notes)
	}
	// A sub over 127 bytes is not mapped as google.subject.
	long := with(t, "push-main", map[string]any{"sub": strings.Repeat("s", 128)})
	s, err = New().Suggest(long, policy.ScopeRepo)
	if err != nil || !strings.Contains(s.Document, `"google.subject": "'repository_id:' + assertion.repository_id"`) || !hasLine(s.Notes, "128 bytes") {
		t.Errorf("long sub: %v\n%s", err, s.Document)
	}
	// Errors.
	if _, err := New().Suggest(push, "galaxy"); !errors.Is(err, ErrSuggest) {
		t.Errorf("unknown scope: %v", err)
	}
	if _, err := New().Suggest(with(t, "push-main", map[string]any{"repository_id": nil}), policy.ScopeRepo); !errors.Is(err, ErrSuggest) || !strings.Contains(err.Error(), "repository_id") {
		t.Errorf("no repository_id: %v", err)
	}
	if _, err := New().Suggest(with(t, "push-main", map[string]any{"aud": strings.Repeat("a", 257)}), policy.ScopeRepo); !errors.Is(err, ErrSuggest) || !strings.Contains(err.Error(), "257 characters") {
		t.Errorf("long aud: %v", err)
	}
	if _, err := New().Suggest(with(t, "push-main", map[string]any{"aud": rawJSON(`3`)}), policy.ScopeRepo); !errors.Is(err, ErrSuggest) {
		t.Errorf("numeric aud: %v", err)
	}
}

// TestSuggestHostileValues: claim values cannot break out of the CEL
// literal or the JSON string, and invisible characters are escaped.
func TestSuggestHostileValues(t *testing.T) {
	tok := payload(t, `{"iss":"`+ghIssuer+`","aud":"gcp","sub":"s","repository_owner_id":"65","repository_id":"74","ref":"refs/heads/x' || true || '\"\\\n\u202e"}`)
	other := payload(t, `{"iss":"`+ghIssuer+`","aud":"gcp","sub":"s","repository_owner_id":"65","repository_id":"74","ref":"refs/heads/x"}`)
	policytest.CheckHostileSuggestion(t, New(), tok, other)
}

func TestQuoteCEL(t *testing.T) {
	env, err := sharedEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{"plain", `it's`, `say "hi"`, `back\slash`, "nl\n", "bidi\u202e", "é", "'''", `\'`} {
		got := celclaims.Quote(in)
		c := compileCEL(env, got+" == assertion.x", "t", true)
		if c.err != "" {
			t.Fatalf("%s does not compile: %s", got, c.err)
		}
		out, err := new(celclaims.Meter).Eval(c.prg, map[string]any{varAssertion: map[string]any{"x": in}, varGoogle: map[string]any{}, varAttribute: map[string]any{}})
		if err != nil || out.Value() != true {
			t.Errorf("%s does not read back as %q: %v %v", got, in, out, err)
		}
		if strings.ContainsRune(got, '\u202e') || strings.ContainsRune(got, '\n') {
			t.Errorf("%s is not escaped", got)
		}
	}
}

// TestSnippets: a CEL term per claim the token carries (IDs quoted),
// mapping entries, members, issuer and audience; never an absent claim.
func TestSnippets(t *testing.T) {
	tok := fixtureToken(t, "environment-prod")
	sn := New().Snippets(tok)
	texts := map[string][]string{}
	for _, s := range sn {
		if s.Provider != policy.GCP || s.Text == "" || s.Note == "" {
			t.Errorf("snippet %+v", s)
		}
		texts[s.Claim] = append(texts[s.Claim], s.Text)
	}
	want := map[string][]string{
		"repository_id":       {"assertion.repository_id == '74'", `"attribute.repository_id": "assertion.repository_id"`, "principalSet://iam.googleapis.com/projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL_ID>/attribute.repository_id/74"},
		"repository_owner_id": {"assertion.repository_owner_id == '65'", "principalSet://iam.googleapis.com/projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL_ID>/attribute.repository_owner_id/65"},
		"environment":         {"assertion.environment == 'prod'", `"attribute.environment": "assertion.environment"`},
		"sub":                 {"assertion.sub == 'repo:octo-org/octo-repo:environment:prod'", "principal://iam.googleapis.com/projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL_ID>/subject/repo:octo-org/octo-repo:environment:prod"},
		"iss":                 {`"issuerUri": "https://token.actions.githubusercontent.com"`},
		"aud":                 {`"allowedAudiences": ["api://AzureADTokenExchange"]`},
	}
	for claim, ws := range want {
		for _, w := range ws {
			if !slices.Contains(texts[claim], w) {
				t.Errorf("no %s snippet %q in %q", claim, w, texts[claim])
			}
		}
	}
	env, _ := sharedEnv()
	vars := map[string]any{varAssertion: googleClaims.Map(tok), varGoogle: map[string]any{}, varAttribute: map[string]any{}}
	for _, s := range sn {
		if s.Claim == "repository" && !strings.Contains(s.Note, "prefer repository_id") {
			t.Errorf("repository snippet should steer to repository_id: %q", s.Note)
		}
		if strings.HasPrefix(s.Text, "assertion.") {
			c := compileCEL(env, s.Text, "snippet", true)
			if c.err != "" {
				t.Errorf("snippet %q does not compile: %s", s.Text, c.err)
			} else if out, err := new(celclaims.Meter).Eval(c.prg, vars); err != nil || out.Value() != true {
				t.Errorf("snippet %q is not true for its own token: %v %v", s.Text, out, err)
			}
		}
	}
	if len(texts["head_ref"]) != 0 || len(texts["job_workflow_ref"]) == 0 {
		t.Errorf("snippet claims: %v", texts)
	}
	push := New().Snippets(fixtureToken(t, "push-main"))
	if slices.ContainsFunc(push, func(s policy.Snippet) bool { return s.Claim == "environment" }) {
		t.Error("push-main has no environment claim, yet got an environment snippet")
	}
	// A token for a real provider: its pool in the members, no allowedAudiences.
	ref := New().Snippets(with(t, "push-main", map[string]any{"aud": refAud}))
	if !slices.ContainsFunc(ref, func(s policy.Snippet) bool {
		return s.Text == "principalSet://iam.googleapis.com/"+poolPath+"/attribute.repository_id/74"
	}) || !slices.ContainsFunc(ref, func(s policy.Snippet) bool { return s.Claim == "aud" && s.Text == `"allowedAudiences": []` }) {
		t.Errorf("snippets for a default-audience token: %+v", ref)
	}
}
