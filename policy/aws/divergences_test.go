package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestKnownSimulatorDivergences guards the answers where AWS's simulator
// library (@cloud-copilot/iam-simulate) is wrong and oidcscope follows
// AWS's documentation instead; the differential tests list each class.
func TestKnownSimulatorDivergences(t *testing.T) {
	env := `"` + gh + `:environment"`
	ours := `{"Federated":"arn:aws:iam::111122223333:oidc-provider/` + gh + `"}`
	withRootDeny := `{"Version":"2012-10-17","Statement":[` +
		`{"Effect":"Allow","Principal":` + ours + `,"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"` + gh + `:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}},` +
		`{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRoleWithWebIdentity"}]}`
	with := func(v string) string { return pushMain(`"environment":` + quote(v)) }
	checkVerdicts(t, []verdictCase{
		// A Deny names who it denies: the account root is not the web
		// identity caller (AWS docs, "AWS JSON policy elements: Principal").
		{name: "a Deny for the account root does not apply", doc: withRootDeny, want: policy.Allow},
		// ? is one character: "日" and "🚀" are one each, however many
		// UTF-16 units or bytes they take.
		{name: "? matches one code point", doc: trust(`{"StringLike":{` + env + `:"launch?"}}`), claims: with("launch🚀"), want: policy.Allow},
		{name: "?? does not match one code point", doc: trust(`{"StringLike":{` + env + `:"launch??"}}`), claims: with("launch🚀"), want: policy.Deny},
		{name: "* matches across a line break", doc: trust(`{"StringLike":{` + env + `:"a*b"}}`), claims: with("a\nb"), want: policy.Allow},
		// "Inverted condition operators like StringNotEquals or
		// StringNotLike do match against a null value" (AWS docs, "Policy
		// variables with no value"); the simulator fails them.
		{name: "StringNotEquals against a variable with no value passes", doc: trust(`{"StringNotEquals":{"` + gh + `:sub":"${` + gh + `:environment}"}}`), want: policy.Allow},
	})
}

// TestIgnoreCaseFoldingIsUndocumented: AWS does not say which case folding
// the IgnoreCase operators use; when the answer rests on a character
// outside ASCII folding to an ASCII letter, the diagnosis says so and gives
// the other reading's answer.
func TestIgnoreCaseFoldingIsUndocumented(t *testing.T) {
	aud := `"` + gh + `:aud"`
	env := `"` + gh + `:environment"`
	checkVerdicts(t, []verdictCase{
		{name: "long s folds to s", doc: trust(`{"StringEqualsIgnoreCase":{` + aud + `:"ſts.amazonaws.com"}}`), want: policy.Allow,
			expr: ":aud", diag: []string{"AWS does not document which case folding StringEqualsIgnoreCase uses", "the condition would fail"}},
		{name: "Kelvin sign under a negated operator", doc: trust(`{"StringNotEqualsIgnoreCase":{` + env + `:"\u212Aey"}}`), claims: pushMain(`"environment":"key"`), want: policy.Deny,
			expr: ":environment", diag: []string{"the condition would pass"}},
		{name: "non-ASCII letters folding to each other need no note", doc: trust(`{"StringEqualsIgnoreCase":{` + env + `:"PRÉ"}}`), claims: pushMain(`"environment":"pré"`), want: policy.Allow,
			expr: ":environment", not: []string{"case folding"}},
	})
}
