package k8scel

import "testing"

// "docs": kubernetes.io/docs/reference/using-api/cel, "Kubernetes regex
// library"; the rest: kube-apiserver v0.37.2's observed behaviour.
func TestRegex(t *testing.T) {
	runCases(t, []evalCase{
		{expr: `"abc 123".find('[0-9]+')`, want: "123"},                           // docs
		{expr: `"1, 2, 3, 4".findAll('[0-9]+').map(x, int(x)).size()`, want: "4"}, // docs (sum of the found numbers is 10)
		{expr: `"abc".find('x')`, want: ""},
		{expr: `"abc".findAll('x')`, want: "[]"},
		{expr: `"abc".findAll('[a-c]', 2)`, want: "[a b]"},
		{expr: `"abc".findAll('[a-c]', -1)`, want: "[a b c]"},
		{expr: `"abc".findAll('b', 0)`, want: "[]"},
		{expr: `"abc".find('(a)(b)')`, want: "ab"},
		// A bad constant pattern refuses the expression up front, also
		// through dyn(); one known only at run time fails then.
		{expr: `"abc".find('(')`, fails: "compile"},
		{expr: `"abc".findAll(dyn('['))`, fails: "compile"},
		{expr: `["("].all(p, "abc".find(p) == "")`, fails: "runtime"},
	})
}
