package k8s

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSuggestRoundTrip: for every token and scope, the suggestion parses,
// allows the token it was built for, denies other-repo, and is lint-clean.
func TestSuggestRoundTrip(t *testing.T) {
	other := fixtureToken(t, "other-repo")
	for _, name := range []string{"push-main", "environment-prod", "immutable-sub", "reusable-workflow", "pull-request", "enterprise"} {
		tok := fixtureToken(t, name)
		for _, scope := range policy.Scopes {
			t.Run(name+"/"+string(scope), func(t *testing.T) {
				s, p, r, ok := policytest.SuggestAllowed(t, New(), tok, scope, name == "environment-prod", "yaml", ErrSuggest)
				if !ok {
					return
				}
				if len(r.Lint) != 0 {
					t.Errorf("suggestion has lint findings: %+v", r.Lint)
				}
				if r := p.Evaluate(other); r.Verdict != policy.Deny {
					t.Errorf("suggestion for %s does not deny other-repo: %s %s", name, r.Verdict, r.Summary)
				}
				if !strings.Contains(s.Document, "claims.repository_id == '74'") || !strings.Contains(s.Document, "claims.repository_owner_id == '65'") {
					t.Errorf("suggestion does not pin the IDs:\n%s", s.Document)
				}
			})
		}
	}
}

// TestSuggestScopes: what each scope adds, and the audience note.
func TestSuggestScopes(t *testing.T) {
	push := fixtureToken(t, "push-main")
	want := map[policy.Scope]string{
		policy.ScopeRepo:     `expression: "claims.repository_owner_id == '65' && claims.repository_id == '74'"`,
		policy.ScopeRef:      `&& claims.ref == 'refs/heads/main' && claims.event_name == 'push'"`,
		policy.ScopeWorkflow: `&& claims.job_workflow_ref == 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main'"`,
	}
	for scope, w := range want {
		s, err := New().Suggest(push, scope)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s.Document, w) {
			t.Errorf("%s scope lacks %s:\n%s", scope, w, s.Document)
		}
		for _, must := range []string{"apiVersion: apiserver.config.k8s.io/v1beta1", `url: "https://token.actions.githubusercontent.com"`, `- "sts.amazonaws.com"`, `message: "only octo-org/octo-repo`, `groups:`, `['github-repo:' + claims.repository_id]`} {
			if !strings.Contains(s.Document, must) {
				t.Errorf("%s scope lacks %q:\n%s", scope, must, s.Document)
			}
		}
		if !hasLine(s.Notes, "https://k8s.example.com", "AWS's audience") {
			t.Errorf("notes should recommend a cluster audience and warn that sts.amazonaws.com is AWS's: %q", s.Notes)
		}
		if !hasLine(s.Notes, "legacy", "immutable") {
			t.Errorf("notes should explain why sub's form does not matter: %q", s.Notes)
		}
	}
	env, err := New().Suggest(fixtureToken(t, "environment-prod"), policy.ScopeEnvironment)
	if err != nil || !strings.Contains(env.Document, "&& claims.environment == 'prod'") || !strings.Contains(env.Document, `- "api://AzureADTokenExchange"`) {
		t.Errorf("environment scope: %v\n%s", err, env.Document)
	}
	if _, err := New().Suggest(push, "galaxy"); !errors.Is(err, ErrSuggest) {
		t.Errorf("unknown scope: %v", err)
	}
	if _, err := New().Suggest(payload(t, `{"iss":"`+ghIssuer+`","aud":"a"}`), policy.ScopeRepo); !errors.Is(err, ErrSuggest) || !strings.Contains(err.Error(), "repository_owner_id") {
		t.Errorf("token without IDs: %v", err)
	}
}

// TestSuggestHostileValues: claim values cannot break out of the CEL
// literal or the YAML string, and invisible characters are escaped.
func TestSuggestHostileValues(t *testing.T) {
	tok := payload(t, `{"iss":"`+ghIssuer+`","aud":"k8s","sub":"s","repository_owner_id":"65","repository_id":"74","repository":"o/r\u202e","ref":"refs/heads/x' || true || '\"\\\n"}`)
	other := payload(t, `{"iss":"`+ghIssuer+`","aud":"k8s","sub":"s","repository_owner_id":"65","repository_id":"74","ref":"refs/heads/x"}`)
	policytest.CheckHostileSuggestion(t, New(), tok, other)
}

func TestQuoteCEL(t *testing.T) {
	cases := map[string]string{
		"plain":      `'plain'`,
		`it's`:       `'it\'s'`,
		`say "hi"`:   `'say "hi"'`,
		`back\slash`: `'back\\slash'`,
		"nl\n":       `'nl\n'`,
		"bidi\u202e": `'bidi\u202e'`,
		"é":          `'é'`,
	}
	e, err := sharedEnvs()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range cases {
		got := celclaims.Quote(in)
		if got != want {
			t.Errorf("celclaims.Quote(%q) = %s, want %s", in, got, want)
		}
		c := compileCEL(e.claims, got+" == claims.x", "t", true)
		if c.err != "" {
			t.Fatalf("%s does not compile: %s", got, c.err)
		}
		out, err := new(celclaims.Meter).Eval(c.prg, map[string]any{"claims": map[string]any{"x": in}})
		if err != nil || out.Value() != true {
			t.Errorf("%s does not read back as %q: %v %v", got, in, out, err)
		}
	}
}

// TestSnippets: a CEL term per claim the token carries, a requiredValue
// rule for the pinnable ones, issuer and audiences; never a missing claim.
func TestSnippets(t *testing.T) {
	tok := fixtureToken(t, "environment-prod")
	sn := New().Snippets(tok)
	texts := map[string][]string{}
	for _, s := range sn {
		if s.Provider != policy.K8s {
			t.Errorf("snippet provider %q", s.Provider)
		}
		texts[s.Claim] = append(texts[s.Claim], s.Text)
	}
	want := map[string][]string{
		"repository_id":       {"claims.repository_id == '74'", `- {claim: repository_id, requiredValue: "74"}`},
		"repository_owner_id": {"claims.repository_owner_id == '65'"},
		"environment":         {"claims.environment == 'prod'", `- {claim: environment, requiredValue: "prod"}`},
		"sub":                 {"claims.sub == 'repo:octo-org/octo-repo:environment:prod'"},
		"iss":                 {`url: "https://token.actions.githubusercontent.com"`},
		"aud":                 {`audiences: ["api://AzureADTokenExchange"]`},
	}
	for claim, ws := range want {
		for _, w := range ws {
			if !strings.Contains(strings.Join(texts[claim], "\n"), w) {
				t.Errorf("no %s snippet %q in %q", claim, w, texts[claim])
			}
		}
	}
	for _, s := range sn {
		if s.Claim == "repository" && !strings.Contains(s.Note, "prefer repository_id") {
			t.Errorf("repository snippet should steer to repository_id: %q", s.Note)
		}
		if strings.HasPrefix(s.Text, "claims.") {
			e, _ := sharedEnvs()
			if c := compileCEL(e.claims, s.Text, "snippet", true); c.err != "" {
				t.Errorf("snippet %q does not compile: %s", s.Text, c.err)
			} else if out, err := new(celclaims.Meter).Eval(c.prg, map[string]any{"claims": newClaimsValue(tok)}); err != nil || out.Value() != true {
				t.Errorf("snippet %q is not true for its own token: %v %v", s.Text, out, err)
			}
		}
	}
	if len(texts["job_workflow_ref"]) == 0 || len(texts["head_ref"]) != 0 {
		t.Errorf("snippet claims: %v", texts)
	}
	if sn := New().Snippets(fixtureToken(t, "push-main")); containsClaim(sn, "environment") {
		t.Error("push-main has no environment claim, yet got an environment snippet")
	}
}

func containsClaim(sn []policy.Snippet, claim string) bool {
	for _, s := range sn {
		if s.Claim == claim {
			return true
		}
	}
	return false
}
