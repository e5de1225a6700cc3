package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestClaimsComprehensionsIterateValues: Kubernetes' claims variable is a
// lazy map whose iterator yields the claims' VALUES, and whose type has no
// size or `in` (both compile, both fail as they run with "no such
// overload"). Issue 21, class 1.
func TestClaimsComprehensionsIterateValues(t *testing.T) {
	checkVerdicts(t, []verdictCase{
		{name: "exists sees a value", doc: ruleDoc("claims.exists(k, k == 'refs/heads/main')"), verdict: policy.Allow},
		{name: "exists does not see a key", doc: ruleDoc("claims.exists(k, k == 'ref')"), verdict: policy.Deny},
		{name: "all over values", doc: ruleDoc("claims.all(v, v != 'refs/heads/dev')"), verdict: policy.Allow},
		{name: "size is no such overload", doc: ruleDoc("size(claims) > 0"), verdict: policy.Deny, mention: "no such overload"},
		{name: "in is no such overload", doc: ruleDoc("'ref' in claims"), verdict: policy.Deny, mention: "no such overload"},
		{name: "the index form still reads the claim", doc: ruleDoc("claims['ref'] == 'refs/heads/main'"), verdict: policy.Allow},
	})
}

// TestClaimsTypedAnyNumbersDouble: claims is declared map(string, any),
// so a claim cannot be the range of a comprehension without dyn(), and
// JSON numbers are doubles. Issue 21, class 3.
func TestClaimsTypedAnyNumbersDouble(t *testing.T) {
	withAud := func(t *testing.T) policy.Token {
		return payload(t, `{"iss":"`+ghIssuer+`","aud":["https://k8s.example.com","x"],"sub":"s","repository_id":"74","exp":1767225900}`)
	}
	checkVerdicts(t, []verdictCase{
		{name: "a claim is not a comprehension range", doc: ruleDoc("claims.aud.exists(a, a == 'x')"), tok: withAud,
			verdict: policy.Error, mention: "cannot be range of a comprehension"},
		{name: "dyn() makes it one", doc: ruleDoc("dyn(claims.aud).exists(a, a == 'x')"), tok: withAud, verdict: policy.Allow},
		{name: "numbers are doubles", doc: ruleDoc("type(claims.exp) == double"), tok: withAud, verdict: policy.Allow},
		{name: "a double has no %", doc: ruleDoc("claims.exp % 2 == 0"), tok: withAud, verdict: policy.Deny, mention: "no such overload"},
		{name: "an integral double equals an int", doc: ruleDoc("claims.exp == 1767225900"), tok: withAud, verdict: policy.Allow},
	})
}
