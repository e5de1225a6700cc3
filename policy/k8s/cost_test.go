package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestCELCostAsKubernetes: expressions whose cost, as kube-apiserver
// tracks it (k8s.io/apiserver v0.37.2: presence tests free, its
// libraries priced by its CostEstimator, limit 1,000,000 per call), is
// under the limit are evaluated, not stopped; the costs in the names
// were measured with Kubernetes' own compiler and program. Over the
// limit, kube-apiserver rejects the token; there is no estimate before
// evaluation. Issue 21, class 8.
func TestCELCostAsKubernetes(t *testing.T) {
	checkVerdicts(t, []verdictCase{
		{name: "has() in a loop, cost 999997: just under", doc: ruleDoc("lists.range(199997).all(i, has(claims.sub))"), verdict: policy.Allow},
		{name: "matches() in a loop, cost 105012", doc: ruleDoc("lists.range(5000).all(i, claims.sub.matches('^repo:.*$'))"), verdict: policy.Allow},
		{name: "optional select in a loop, cost 35012", doc: ruleDoc("lists.range(5000).all(i, claims.?sub.hasValue())"), verdict: policy.Allow},
		{name: "find() in a loop, cost 80012", doc: ruleDoc("lists.range(5000).all(i, claims.sub.find('[0-9]+') == '')"), verdict: policy.Allow},
		{name: "url() in a loop, cost 80012", doc: ruleDoc("lists.range(5000).all(i, url('https://github.com/' + claims.repository).getHost() == 'github.com')"), verdict: policy.Allow},
		// kube-apiserver does not estimate: a loop that could cost more
		// but stops early costs what it runs.
		{name: "exists() stopping at once, cost 300021 (the range is built)", doc: ruleDoc("lists.range(300000).exists(i, i == 0)"), verdict: policy.Allow},
		// Past the limit kube-apiserver rejects the token ("actual cost
		// limit exceeded"), and so does oidcscope when cel-go's tracker,
		// which both use, stops it.
		{name: "has() in a loop, one iteration more: just over", doc: ruleDoc("lists.range(199998).all(i, has(claims.sub))"), verdict: policy.Deny, mention: "actual cost limit exceeded"},
	})
}

// TestStoppedExpressionUnderADenial: an expression stopped at the cost
// limit does not make the verdict an error when another check denies the
// token anyway (kube-apiserver maps the username first, and stops there).
func TestStoppedExpressionUnderADenial(t *testing.T) {
	body := issuerAud + "  claimValidationRules:\n  - expression: \"lists.range(200).all(i, lists.range(200).all(j, lists.range(20).all(k, i + j + k >= 0)))\"\n" +
		"  claimMappings:\n    username:\n      claim: missing\n      prefix: \"\"\n"
	checkVerdicts(t, []verdictCase{{name: "username claim absent", doc: doc(body), verdict: policy.Deny, mention: "claim not present"}})
}
