package k8s

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func seedFixtures(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*.*"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil && filepath.Ext(file) != ".md" {
			f.Add(b)
		}
	}
}

// FuzzParse: Detect and Parse never panic, and neither does Evaluate on
// what Parse returns, for a real token and a hostile one.
func FuzzParse(f *testing.F) {
	policytest.SeedHostileDocuments(f)
	seedFixtures(f)
	f.Add([]byte("apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n- issuer: {url: x, audiences: [a, a]}\n  claimValidationRules: [{claim: a}, {expression: 'claims.a.b.c[0] > 1'}]\n  claimMappings: {username: {claim: a}, groups: {claim: g, prefix: ''}, uid: {expression: claims.u}, extra: [{key: a.b/c, valueExpression: '[1]'}]}\n  userValidationRules: [{expression: 'user.groups.all(g, g != \"\")'}]\n"))
	f.Add([]byte(`{"apiVersion":"apiserver.config.k8s.io/v1beta1","kind":"AuthenticationConfiguration","jwt":[{"issuer":null,"claimMappings":{"username":{"expression":"claims.sub"}}}]}`))
	push, err := os.ReadFile("../../fixtures/testdata/static/push-main.jwt")
	if err != nil {
		f.Fatal(err)
	}
	tok, err := decode.Parse(string(push[:len(push)-1]))
	if err != nil {
		f.Fatal(err)
	}
	hostile, _ := decode.ParseJSON("payload", []byte(`{"iss":"https://token.actions.githubusercontent.com","iss":"x","aud":[1,{"a":[]}],"sub":null,"repository_id":74,"a":{"b":{"c":[2]}},"g":[null],"email":"e","email_verified":"yes"}`))
	toks := []policy.Token{policy.NewToken(tok.Payload), policy.NewToken(hostile), policy.NewToken(decode.Value{})}
	f.Fuzz(func(t *testing.T, data []byte) {
		New().Detect(data)
		pols, err := New().Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		for _, p := range pols {
			for _, tk := range toks {
				r := p.Evaluate(tk)
				if r.Verdict != policy.Allow && r.Verdict != policy.Deny && r.Verdict != policy.Error {
					t.Fatalf("verdict %q", r.Verdict)
				}
			}
		}
	})
}

// FuzzEvaluateToken: any payload against every fixture policy: Evaluate,
// Suggest and Snippets never panic, and a suggestion allows its token.
func FuzzEvaluateToken(f *testing.F) {
	for _, name := range []string{"push-main", "environment-prod", "enterprise"} {
		if b, err := os.ReadFile(filepath.Join("../../fixtures/claims", name+".json")); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com","repository_owner_id":"65","repository_id":"7'4","ref":"\u202e","sub":"x","sub":"y"}`))
	var pols []policy.Policy
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*.*"))
	for _, file := range files {
		if filepath.Ext(file) == ".md" {
			continue
		}
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		ps, err := New().Parse(file, b)
		if err != nil {
			f.Fatal(err)
		}
		pols = append(pols, ps...)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, _ := decode.ParseJSON("payload", data)
		tok := policy.NewToken(v)
		for _, p := range pols {
			p.Evaluate(tok)
		}
		New().Snippets(tok)
		for _, scope := range policy.Scopes {
			// Suggest checks its own round trip and errors rather than
			// returning a document that does not allow the token.
			_, _ = New().Suggest(tok, scope)
		}
	})
}
