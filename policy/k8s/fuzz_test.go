package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb/bound"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// FuzzParse: Detect and Parse never panic, and neither does Evaluate on
// what Parse returns, for a real token and a hostile one.
func FuzzParse(f *testing.F) {
	policytest.SeedHostileDocuments(f)
	policytest.SeedFixtureDocuments(f, fixtureDir)
	f.Add([]byte("apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n- issuer: {url: x, audiences: [a, a]}\n  claimValidationRules: [{claim: a}, {expression: 'claims.a.b.c[0] > 1'}]\n  claimMappings: {username: {claim: a}, groups: {claim: g, prefix: ''}, uid: {expression: claims.u}, extra: [{key: a.b/c, valueExpression: '[1]'}]}\n  userValidationRules: [{expression: 'user.groups.all(g, g != \"\")'}]\n"))
	f.Add([]byte(`{"apiVersion":"apiserver.config.k8s.io/v1beta1","kind":"AuthenticationConfiguration","jwt":[{"issuer":null,"claimMappings":{"username":{"expression":"claims.sub"}}}]}`))
	toks := policytest.FuzzTokens(f, `{"iss":"https://token.actions.githubusercontent.com","iss":"x","aud":[1,{"a":[]}],"sub":null,"repository_id":74,"a":{"b":{"c":[2]}},"g":[null],"email":"e","email_verified":"yes"}`)
	policytest.FuzzParse(f, New, "fuzz.yaml", toks)
}

// FuzzEvaluateToken: any payload against every fixture policy: Evaluate,
// Suggest and Snippets never panic, and a suggestion allows its token.
func FuzzEvaluateToken(f *testing.F) {
	policytest.SeedClaimSets(f, "push-main", "environment-prod", "enterprise")
	f.Add([]byte(`{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com","repository_owner_id":"65","repository_id":"7'4","ref":"\u202e","sub":"x","sub":"y"}`))
	pols := policytest.FixtureDocumentPolicies(f, New(), fixtureDir)
	// Every scope for every input: a configuration's suggestion is cheap.
	policytest.FuzzEvaluateToken(f, New(), pols, func([]byte) []policy.Scope { return policy.Scopes })
}

// FuzzCostBound: whatever a claim validation expression is, over claims
// built to feed cost bombs, evaluating it never panics, ends within the
// policy's time bound (with slack for a loaded machine) and a bound on
// allocation, and costs at most the limit unless it ends with the cost
// limit's error; the configuration holding it evaluates to a verdict
// within the same bounds. Seeds: every bomb shape and ordinary rules.
func FuzzCostBound(f *testing.F) {
	bound.Seed(f, celbomb.Shapes(varClaims, true),
		"claims.repository_owner_id == '65' && claims.ref.startsWith('refs/heads/')",
		"claims.pairs.all(p, p.matches('^[a-z]+$')) && 'ab' in claims.pairs",
		"claims.wide.split('x').size() > 3",
		"sets.contains(claims.pairs, ['ab'])",
		"claims.a.replace('a', 'bb').lowerAscii().indexOf('b') == 0",
	)
	envs, err := sharedEnvs()
	if err != nil {
		f.Fatal(err)
	}
	tok := bound.Token(f)
	vars := map[string]any{varClaims: claimsVar(tok)}
	bound.Fuzz(f, envs.claims, vars, tok, "configuration", func(t *testing.T, expr string) []policy.Policy {
		pols, _ := New().Parse("fuzz.yaml", []byte(bombDoc(expr)))
		return pols // none: not a string YAML can quote, nothing to evaluate
	})
}
