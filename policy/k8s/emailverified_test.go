package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestEmailVerifiedRuleSelectionOnly: kube-apiserver's rule ("claims.
// email_verified must be used ... when claims.email is used in
// claimMappings.username.expression") looks for the selections
// claims.email / claims.?email only (hasSelectExp): the index form
// claims['email'] neither triggers it nor, as claims['email_verified'],
// satisfies it. The index form is linted as a way around the rule.
// Issue 21, class 5.
func TestEmailVerifiedRuleSelectionOnly(t *testing.T) {
	withEmail := func(t *testing.T) policy.Token {
		return payload(t, `{"iss":"`+ghIssuer+`","aud":"https://k8s.example.com","sub":"s","email":"a@example.com","email_verified":false}`)
	}
	username := func(expr string) string {
		return issuerAud + "  claimMappings:\n    username:\n      expression: " + yamlQuote(expr) + "\n"
	}
	checkVerdicts(t, []verdictCase{
		{name: "selection without email_verified is refused", doc: doc(username("claims.email")), tok: withEmail,
			verdict: policy.Error, mention: "claims.email_verified must be used"},
		{name: "optional selection is refused too", doc: doc(username("claims.?email.orValue('x')")), tok: withEmail,
			verdict: policy.Error, mention: "claims.email_verified must be used"},
		{name: "index form is accepted, and linted", doc: doc(username("claims['email']")), tok: withEmail,
			verdict: policy.Allow, mention: "gets around"},
		{name: "email_verified read by index does not count", tok: withEmail,
			doc:     doc(issuerAud + "  claimValidationRules:\n  - expression: \"claims['email_verified'] == true\"\n" + username("claims.email")[len(issuerAud):]),
			verdict: policy.Error, mention: "claims.email_verified must be used"},
		{name: "email_verified selected in a rule counts", tok: withEmail,
			doc:     doc(issuerAud + "  claimValidationRules:\n  - expression: \"claims.email_verified == true\"\n" + username("claims.email")[len(issuerAud):]),
			verdict: policy.Deny},
	})
}
