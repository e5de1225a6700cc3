package k8s

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb/bound"
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

// FuzzCostBound: whatever a claim validation expression is, over claims
// built to feed cost bombs, evaluating it never panics, ends within the
// policy's time bound (with slack for a loaded machine) and a bound on
// allocation, and costs at most the limit unless it ends with the cost
// limit's error; the configuration holding it evaluates to a verdict
// within the same bounds. Seeds: every bomb shape and ordinary rules.
func FuzzCostBound(f *testing.F) {
	for _, b := range celbomb.Shapes(varClaims, true) {
		if !b.Costly {
			f.Add(b.Expr)
		}
	}
	for _, s := range []string{
		"claims.repository_owner_id == '65' && claims.ref.startsWith('refs/heads/')",
		"claims.pairs.all(p, p.matches('^[a-z]+$')) && 'ab' in claims.pairs",
		"claims.wide.split('x').size() > 3",
		"sets.contains(claims.pairs, ['ab'])",
		"claims.a.replace('a', 'bb').lowerAscii().indexOf('b') == 0",
	} {
		f.Add(s)
	}
	envs, err := sharedEnvs()
	if err != nil {
		f.Fatal(err)
	}
	tok := bombToken(f)
	vars := map[string]any{varClaims: claimsVar(tok)}
	f.Fuzz(func(t *testing.T, expr string) {
		a, iss := envs.claims.Env().Compile(expr)
		if iss != nil && iss.Err() != nil {
			return
		}
		if envs.claims.Check(a) == nil && bound.Meter(t, envs.claims, a, vars) {
			return // stopped: TestCostBombs holds configurations to the bounds then; fuzz on
		}
		pols, err := New().Parse("fuzz.yaml", []byte(bombDoc(expr)))
		if err != nil {
			return // not a string YAML can quote: nothing to evaluate
		}
		var r policy.Result
		cpu, _ := celbomb.Measure(func() { r = pols[0].Evaluate(tok) })
		if r.Verdict != policy.Allow && r.Verdict != policy.Deny && r.Verdict != policy.Error {
			t.Errorf("verdict %q", r.Verdict)
		}
		if cpu > celclaims.PolicyTimeout+bound.Slack {
			t.Errorf("the configuration took %v of CPU", cpu)
		}
	})
}
