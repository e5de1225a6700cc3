package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestStringListConverter: groups and extra expressions go through
// kube-apiserver's convertCELValueToStringList, which accepts a string,
// null, or a list whose Go value is []any or []ref.Val of strings. A
// list cel-go keeps as []string (what split() returns) is refused with
// "expression must return a string or a list of strings"; map(x, x)
// rebuilds it as []ref.Val, which passes. Issue 21, class 6.
func TestStringListConverter(t *testing.T) {
	groups := func(expr string) string {
		return doc(issuerAud + userSub + "    groups:\n      expression: " + yamlQuote(expr) + "\n")
	}
	extra := func(expr string) string {
		return doc(issuerAud + userSub + "    extra:\n    - key: example.com/parts\n      valueExpression: " + yamlQuote(expr) + "\n")
	}
	checkVerdicts(t, []verdictCase{
		{name: "split directly", doc: groups("claims.sub.split(':')"), verdict: policy.Deny, mention: "expression must return a string or a list of strings"},
		{name: "split then map", doc: groups("claims.sub.split(':').map(x, x)"), verdict: policy.Allow},
		{name: "a list literal", doc: groups("[claims.sub, claims.ref]"), verdict: policy.Allow},
		{name: "a string", doc: groups("claims.sub"), verdict: policy.Allow},
		{name: "null", doc: groups("null"), verdict: policy.Allow},
		{name: "a list holding a number", doc: groups("[claims.sub, claims.exp]"), verdict: policy.Deny, mention: "expression must return a string or a list of strings"},
		{name: "extra: split directly", doc: extra("claims.sub.split(':')"), verdict: policy.Deny, mention: "expression must return a string or a list of strings"},
		{name: "extra: split then map", doc: extra("claims.sub.split(':').map(x, x)"), verdict: policy.Allow},
	})
}
