package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// userRuleDoc is a document with one userValidationRule.
func userRuleDoc(expr string) string {
	return doc(issuerAud + userSub + "  userValidationRules:\n  - expression: " + yamlQuote(expr) + "\n")
}

// TestUserExtraCredentialID: kube-apiserver puts the token's jti, as
// "JTI=<jti>", in user.extra["authentication.kubernetes.io/credential-id"]
// whenever jti is a non-empty string. Issue 21, class 4.
func TestUserExtraCredentialID(t *testing.T) {
	withJTI := func(jti string) func(t *testing.T) policy.Token {
		return func(t *testing.T) policy.Token {
			return payload(t, `{"iss":"`+ghIssuer+`","aud":"https://k8s.example.com","sub":"s","repository_id":"74"`+jti+`}`)
		}
	}
	const key = "authentication.kubernetes.io/credential-id"
	checkVerdicts(t, []verdictCase{
		{name: "a GitHub token's jti makes extra non-empty", doc: userRuleDoc("size(user.extra) == 0"), verdict: policy.Deny},
		{name: "the value", doc: userRuleDoc("user.extra['" + key + "'] == ['JTI=j-1']"), tok: withJTI(`,"jti":"j-1"`), verdict: policy.Allow},
		{name: "no jti, no extra", doc: userRuleDoc("size(user.extra) == 0"), tok: withJTI(""), verdict: policy.Allow},
		{name: "an empty jti, no extra", doc: userRuleDoc("size(user.extra) == 0"), tok: withJTI(`,"jti":""`), verdict: policy.Allow},
		{name: "a jti that is not a string, no extra", doc: userRuleDoc("size(user.extra) == 0"), tok: withJTI(`,"jti":5`), verdict: policy.Allow},
		{name: "the last duplicate jti", doc: userRuleDoc("user.extra['" + key + "'] == ['JTI=b']"), tok: withJTI(`,"jti":"a","jti":"b"`), verdict: policy.Allow},
	})
}
