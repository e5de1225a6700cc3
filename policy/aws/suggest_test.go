package aws

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSuggestRoundTrip: every suggestion parses, allows the token it was
// made for and denies the token of another repository.
func TestSuggestRoundTrip(t *testing.T) {
	other := policytest.FixtureToken(t, "other-repo")
	pushMain := policytest.FixtureToken(t, "push-main")
	for _, name := range policytest.FixtureNames() {
		tok := policytest.FixtureToken(t, name)
		hasEnv := strings.Contains(name, "environment") || name == "custom-sub"
		for _, scope := range policy.Scopes {
			t.Run(name+"/"+string(scope), func(t *testing.T) {
				sug, p, res, ok := policytest.SuggestAllowed(t, New(), tok, scope, hasEnv, "json", ErrCannotSuggest)
				if !ok {
					return
				}
				foreign, foreignName := other, "other-repo"
				if name == "other-repo" {
					foreign, foreignName = pushMain, "push-main"
				}
				if fr := p.Evaluate(foreign); fr.Verdict != policy.Deny {
					t.Errorf("the suggestion should deny %s: %s %s\n%s", foreignName, fr.Verdict, fr.Summary, sug.Document)
				}
				for _, f := range res.Lint {
					if f.Severity == policy.SevError || f.Rule == RuleWildcardInStringEquals || f.Rule == RuleSubOrgWide || f.Rule == RuleKeyNotEvaluated || f.Rule == RuleNoAudCondition {
						t.Errorf("the suggestion trips lint %s: %s", f.Rule, f.Message)
					}
				}
			})
		}
	}
}

func TestSuggestDocument(t *testing.T) {
	tests := []struct {
		token string
		scope policy.Scope
		want  []string // substrings of the document
		not   []string
		notes []string
	}{
		{"push-main", policy.ScopeRef, []string{
			`"Version": "2012-10-17"`,
			`"Federated": "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com"`,
			`"Action": "sts:AssumeRoleWithWebIdentity"`,
			`"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"`,
			`"repo:octo-org/octo-repo:ref:refs/heads/main"`,
			`"repo:octo-org@65/octo-repo@74:ref:refs/heads/main"`,
			`"token.actions.githubusercontent.com:repository_id": "74"`,
		}, []string{"StringLike", `\u003c`}, []string{"<ACCOUNT_ID>", "both forms", "AWS Service Authorization Reference"}},
		{"push-main", policy.ScopeRepo, []string{`"StringLike"`, `"repo:octo-org/octo-repo:*"`, `"repo:octo-org@65/octo-repo@74:*"`}, nil, []string{"scope repo"}},
		{"push-main", policy.ScopeWorkflow, []string{`"token.actions.githubusercontent.com:job_workflow_ref": "octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main"`}, nil, nil},
		{"environment-prod", policy.ScopeEnvironment, []string{`"repo:octo-org/octo-repo:environment:prod"`, `"repo:octo-org@65/octo-repo@74:environment:prod"`, `"api://AzureADTokenExchange"`}, []string{":environment\":"}, []string{"not sts.amazonaws.com"}},
		{"environment-prod", policy.ScopeRef, []string{`"token.actions.githubusercontent.com:ref": "refs/heads/main"`, `"repo:octo-org/octo-repo:*"`}, nil, []string{"does not name its ref"}},
		{"immutable-sub", policy.ScopeRef, []string{`"repo:octo-org@65/octo-repo@74:ref:refs/heads/main"`, `"repo:octo-org/octo-repo:ref:refs/heads/main"`}, nil, nil},
		{"custom-sub", policy.ScopeEnvironment, []string{`"token.actions.githubusercontent.com:environment": "prod"`, `:job_workflow_ref:`}, nil, []string{"customized"}},
		{"enterprise", policy.ScopeRef, []string{`oidc-provider/token.actions.githubusercontent.com/avocado-corp"`, `"token.actions.githubusercontent.com/avocado-corp:sub"`}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.token+"/"+string(tt.scope), func(t *testing.T) {
			sug, err := New().Suggest(policytest.FixtureToken(t, tt.token), tt.scope)
			if err != nil {
				t.Fatal(err)
			}
			policytest.CheckText(t, "document", sug.Document, tt.want, tt.not)
			policytest.CheckText(t, "notes", joined(sug.Notes), tt.notes, nil)
		})
	}
}

// TestSuggestErrors: a token Suggest cannot pin at the scope asked for
// (push-main's claims, changed) is an ErrCannotSuggest error saying why.
func TestSuggestErrors(t *testing.T) {
	pushMainWith := func(t testing.TB, changes map[string]string) policy.Token {
		return policytest.TokenWith(t, pushMain(""), changes)
	}
	policytest.CheckSuggestRefusals(t, New(), ErrCannotSuggest, pushMainWith, []policytest.SuggestRefusal{
		{Name: "no environment", Scope: policy.ScopeEnvironment, Want: "add `environment: <name>` to the job"},
		{Name: "no iss", Changes: map[string]string{"iss": ""}, Scope: policy.ScopeRef, Want: "no string iss"},
		{Name: "http iss", Changes: map[string]string{"iss": `"http://token.actions.githubusercontent.com"`}, Scope: policy.ScopeRef, Want: "not an https URL"},
		{Name: "no sub", Changes: map[string]string{"sub": ""}, Scope: policy.ScopeRepo, Want: "no string sub"},
		{Name: "duplicated sub", Changes: map[string]string{"sub": `"repo:octo-org/octo-repo:ref:refs/heads/main","sub":"repo:x/y:ref:z"`}, Scope: policy.ScopeRef, Want: "sub more than once"},
		{Name: "no aud", Changes: map[string]string{"aud": ""}, Scope: policy.ScopeRef, Want: "no aud"},
		{Name: "no job_workflow_ref", Changes: map[string]string{"job_workflow_ref": ""}, Scope: policy.ScopeWorkflow, Want: "job_workflow_ref"},
		{Name: "unknown scope", Scope: policy.Scope("org"), Want: "unknown scope"},
	})
}

// TestSuggestHostileClaims: quotes, backslashes and control characters in
// claims survive the JSON document and still round-trip.
func TestSuggestHostileClaims(t *testing.T) {
	tok := policytest.Payload(t, pushMain(`"sub":"repo:octo-org/octo-repo:ref:refs/heads/a\"b\\c\u001b[31m?*","ref":"refs/heads/a\"b\\c\u001b[31m?*"`))
	for _, scope := range []policy.Scope{policy.ScopeRepo, policy.ScopeRef} {
		sug, err := New().Suggest(tok, scope)
		if err != nil {
			t.Fatal(err)
		}
		if res := parseOne(t, sug.Document).Evaluate(tok); res.Verdict != policy.Allow {
			t.Errorf("%s: %s\n%s", scope, res.Summary, sug.Document)
		}
	}
}

// TestSnippets: each snippet, pasted into a StringEquals block of a policy
// trusting the token's issuer, lets the token in.
func TestSnippets(t *testing.T) {
	for _, name := range []string{"push-main", "immutable-sub", "environment-prod", "enterprise"} {
		tok := policytest.FixtureToken(t, name)
		iss, _ := tok.String("iss")
		path := strings.TrimPrefix(iss, "https://")
		snips := New().Snippets(tok)
		claims := map[string]int{}
		for _, sn := range snips {
			claims[sn.Claim]++
			if sn.Provider != policy.AWS || !strings.HasPrefix(sn.Text, `"`+path+":"+sn.Claim+`": `) {
				t.Errorf("%s: snippet %+v should start with the key %s:%s", name, sn, path, sn.Claim)
			}
			doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/` + path +
				`"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{` + sn.Text + `}}}]}`
			if res := parseOne(t, doc).Evaluate(tok); res.Verdict != policy.Allow {
				t.Errorf("%s: snippet %s does not admit its own token: %s", name, sn.Text, res.Summary)
			}
		}
		if claims["sub"] != 1 || claims["aud"] != 1 || claims["repository_id"] != 1 {
			t.Errorf("%s: want sub, aud and repository_id snippets, got %v", name, claims)
		}
		if claims["repository_owner"] != 0 || claims["event_name"] != 0 {
			t.Errorf("%s: snippets only for keys AWS evaluates, got %v", name, claims)
		}
		if name == "environment-prod" && claims["environment"] != 1 {
			t.Errorf("environment-prod: want an environment snippet, got %v", claims)
		}
	}
	for _, sn := range New().Snippets(policytest.FixtureToken(t, "push-main")) {
		if sn.Claim == "sub" && sn.Text != `"token.actions.githubusercontent.com:sub": ["repo:octo-org/octo-repo:ref:refs/heads/main", "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"]` {
			t.Errorf("sub snippet should list the token's sub and its immutable form: %s", sn.Text)
		}
		if sn.Claim == "repository_id" && !strings.Contains(sn.Note, "AWS Service Authorization Reference") {
			t.Errorf("GitHub key snippets must name the table's source: %q", sn.Note)
		}
	}
	if s := New().Snippets(policytest.Payload(t, `{"sub":"x"}`)); len(s) != 0 {
		t.Errorf("without an https issuer there is no key prefix; got %+v", s)
	}
}
