package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// FuzzParse: Detect and Parse never panic, and neither does Evaluate on
// what Parse returns, for a real token and a hostile one.
func FuzzParse(f *testing.F) {
	policytest.FuzzSeededParse(f, New, fixtureDir, "fuzz.yaml", `{"iss":"https://token.actions.githubusercontent.com","iss":"x","aud":[1,{"a":[]}],"sub":null,"repository_id":74,"a":{"b":{"c":[2]}},"g":[null],"email":"e","email_verified":"yes"}`,
		"apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n- issuer: {url: x, audiences: [a, a]}\n  claimValidationRules: [{claim: a}, {expression: 'claims.a.b.c[0] > 1'}]\n  claimMappings: {username: {claim: a}, groups: {claim: g, prefix: ''}, uid: {expression: claims.u}, extra: [{key: a.b/c, valueExpression: '[1]'}]}\n  userValidationRules: [{expression: 'user.groups.all(g, g != \"\")'}]\n",
		`{"apiVersion":"apiserver.config.k8s.io/v1beta1","kind":"AuthenticationConfiguration","jwt":[{"issuer":null,"claimMappings":{"username":{"expression":"claims.sub"}}}]}`,
	)
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
