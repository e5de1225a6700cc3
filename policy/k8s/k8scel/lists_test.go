package k8scel

import "testing"

// "docs": kubernetes.io/docs/reference/using-api/cel, "Kubernetes list
// library"; the rest: kube-apiserver v0.37.2's observed behaviour.
func TestLists(t *testing.T) {
	runCases(t, []evalCase{
		{expr: `[1, 2, 3].isSorted()`, want: "true"},     // docs
		{expr: `[1, 2, 3].sum()`, want: "6"},             // docs
		{expr: `[1, 2, 3].max()`, want: "3"},             // docs
		{expr: `[1, 2, 3].min()`, want: "1"},             // docs
		{expr: `[1, 2, 2, 3].indexOf(2)`, want: "1"},     // docs
		{expr: `[1, 2, 2, 3].lastIndexOf(2)`, want: "2"}, // docs
		{expr: `["b", "a"].isSorted()`, want: "false"},
		{expr: `[].sum()`, want: "0"},
		{expr: `[1.5, 2.0].sum()`, want: "3.5"},
		{expr: `[duration('1s'), duration('2s')].sum()`, want: "3s"},
		{expr: `[9223372036854775807, 1].sum()`, fails: "runtime"},
		{expr: `[].min()`, fails: "runtime"},
		{expr: `[].indexOf(1)`, want: "-1"},
		{expr: `[[1]].indexOf([1])`, want: "0"},
		{expr: `[1, 2].includes(2)`, want: "true"},
		// list(dyn): mixed numbers order numerically; pairs that do not
		// compare count as in order and are passed over by min()/max().
		{expr: `[dyn(1), dyn(2.0)].min()`, want: "1"},
		{expr: `[dyn(1), dyn('a')].isSorted()`, want: "true"},
		{expr: `[dyn('a'), dyn(1)].max()`, want: "a"},
		{expr: `[dyn(1), dyn(2.0)].sum()`, fails: "runtime"},
	})
}
