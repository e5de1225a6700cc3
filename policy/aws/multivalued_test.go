package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestArrayAudNeedsSetOperator: a token whose aud is an array makes the aud
// key multivalued, and "Multivalued context keys require a condition set
// operator" (IAM docs, "Single-valued vs. multivalued context keys"):
// without ForAnyValue:/ForAllValues: the condition fails, as AWS's
// simulator library has it. AWS does not document STS's handling of an
// array aud, so the diagnosis names the other reading and its answer.
func TestArrayAudNeedsSetOperator(t *testing.T) {
	aud := `"` + gh + `:aud"`
	two := pushMain(`"aud":["x","sts.amazonaws.com"]`)
	checkVerdicts(t, []verdictCase{
		{name: "StringEquals over an array fails", doc: trust(`{"StringEquals":{` + aud + `:"sts.amazonaws.com"}}`), claims: two, want: policy.Deny,
			expr: ":aud", diag: []string{`Multivalued context keys require a condition set operator`, "AWS does not document what STS does with an array aud", "this condition would pass"}},
		{name: "StringNotEquals over an array fails", doc: trust(`{"StringNotEquals":{` + aud + `:"z"}}`), claims: two, want: policy.Deny,
			expr: ":aud", diag: []string{"require a condition set operator", "this condition would pass"}},
		{name: "StringLike over an array fails", doc: trust(`{"StringLike":{` + aud + `:"sts.*"}}`), claims: two, want: policy.Deny,
			expr: ":aud", diag: []string{"this condition would pass"}},
		{name: "IfExists over an array fails", doc: trust(`{"StringEqualsIfExists":{` + aud + `:"sts.amazonaws.com"}}`), claims: two, want: policy.Deny},
		{name: "other reading would fail too", doc: trust(`{"StringEquals":{` + aud + `:"y"}}`), claims: two, want: policy.Deny,
			expr: ":aud", diag: []string{"this condition would fail"}},
		{name: "a one-element array is multivalued too", doc: trust(`{"StringEquals":{` + aud + `:"sts.amazonaws.com"}}`), claims: pushMain(`"aud":["sts.amazonaws.com"]`), want: policy.Deny},
		{name: "ForAnyValue: over an array passes", doc: trust(`{"ForAnyValue:StringEquals":{` + aud + `:"sts.amazonaws.com"}}`), claims: two, want: policy.Allow},
		{name: "Null false over an array passes", doc: trust(`{"Null":{` + aud + `:"false"}}`), claims: two, want: policy.Allow},
		{name: "azp fills the aud key", doc: trust(`{"StringEquals":{` + aud + `:"sts.amazonaws.com"}}`), claims: pushMain(`"aud":["x","y"],"azp":"sts.amazonaws.com"`), want: policy.Allow,
			expr: ":aud", diag: []string{"from the token's azp claim"}},
		{name: "a string aud is single-valued", doc: trust(`{"StringEquals":{` + aud + `:"sts.amazonaws.com"}}`), want: policy.Allow},
	})
}

// TestForAnyValueIfExistsOnMissingKeyIsFalse: ForAnyValue: is false on a
// key missing from the request, …IfExists true, and AWS does not say which
// wins; oidcscope answers false (AWS's simulator library; a 2025 write-up
// of IAM's behaviour) and says so.
func TestForAnyValueIfExistsOnMissingKeyIsFalse(t *testing.T) {
	env := `"` + gh + `:environment"`
	sub := `"` + gh + `:sub"`
	allowAndDeny := `{"Version":"2012-10-17","Statement":[` +
		`{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/` + gh + `"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{` + sub + `:"repo:octo-org/*"}}},` +
		`{"Effect":"Deny","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/` + gh + `"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"ForAnyValue:StringNotEqualsIfExists":{` + env + `:"prod"}}}]}`
	checkVerdicts(t, []verdictCase{
		{name: "ForAnyValue:StringEqualsIfExists on a missing key", doc: trust(`{"ForAnyValue:StringEqualsIfExists":{` + env + `:"prod"}}`), want: policy.Deny,
			expr: ":environment", diag: []string{"not which wins", "if IfExists won, the condition would pass"}},
		{name: "ForAnyValue:StringNotLikeIfExists on a missing key", doc: trust(`{"ForAnyValue:StringNotLikeIfExists":{` + env + `:"prod*"}}`), want: policy.Deny},
		{name: "ForAnyValue:…IfExists on a present key compares", doc: trust(`{"ForAnyValue:StringEqualsIfExists":{` + env + `:"prod"}}`), claims: pushMain(`"environment":"prod"`), want: policy.Allow},
		{name: "ForAllValues:…IfExists on a missing key passes", doc: trust(`{"ForAllValues:StringEqualsIfExists":{` + env + `:"prod"}}`), want: policy.Allow},
		{name: "in a Deny, the missing key keeps the Deny out", doc: allowAndDeny, want: policy.Allow},
	})
}
