package k8s

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestKubernetesCELLibraries: the functions of Kubernetes' CEL
// environment (ext.Lists v3, Kubernetes' lists, URL, regex, IP, CIDR,
// format, semver and quantity libraries) evaluate as in kube-apiserver instead of
// making the configuration unevaluable. Issue 21, class 2.
func TestKubernetesCELLibraries(t *testing.T) {
	allow := []string{
		"[3, 1, 2].sort() == [1, 2, 3]",
		"lists.range(3).size() == 3",
		"[1, 2, 2].distinct().size() == 2",
		"[[1], [2, 3]].flatten().size() == 3",
		"[1, 2, 3].reverse()[0] == 3",
		"[1, 2, 3].slice(1, 2) == [2]",
		"['b', 'a'].sortBy(x, x) == ['a', 'b']",
		"[1, 2, 3].sum() == 6",
		"[1, 2, 3].min() == 1 && [1, 2, 3].max() == 3",
		"['a', 'b'].indexOf('b') == 1 && ['a', 'b', 'a'].lastIndexOf('a') == 2",
		"[1, 2, 3].isSorted()",
		"url('https://github.com/' + claims.repository).getHost() == 'github.com'",
		"url('https://github.com/' + claims.repository).getEscapedPath() == '/octo-org/octo-repo'",
		"isURL('https://github.com/' + claims.repository)",
		"claims.sub.find('[0-9]+') == '' && claims.sub.findAll(':').size() == 3",
		"ip('10.0.0.1').family() == 4 && isIP('::1')",
		"cidr('10.0.0.0/8').containsIP(ip('10.1.2.3')) && isCIDR('10.0.0.0/8')",
		"semver('1.2.3').isLessThan(semver('1.10.0')) && isSemver('1.2.3')",
		"format.dns1123Label().validate(claims.repository_owner) == optional.none()",
		"format.dns1123Label().validate('Octo_Org').hasValue()",
		"quantity('1Gi').isGreaterThan(quantity('1Mi')) && isQuantity('1.5k') && !isQuantity('1x')",
		"quantity('1.5k').add(500).asInteger() == 2000",
	}
	var cases []verdictCase
	for _, expr := range allow {
		cases = append(cases, verdictCase{name: expr, doc: ruleDoc(expr), verdict: policy.Allow})
	}
	cases = append(cases,
		verdictCase{name: "url() of a relative URL is a runtime error", doc: ruleDoc("url('octo').getHost() == ''"), verdict: policy.Deny, mention: "URL"},
		verdictCase{name: "ip() of a bad address is a runtime error", doc: ruleDoc("ip('10.0.0.256').family() == 4"), verdict: policy.Deny, mention: "IP"},
		verdictCase{name: "a sum compared to a parsed quantity: no such overload (upstream quirk)", doc: ruleDoc("quantity('2') == quantity('1').add(1)"), verdict: policy.Deny, mention: "no such overload"},
	)
	checkVerdicts(t, cases)
}
