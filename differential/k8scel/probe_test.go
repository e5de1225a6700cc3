package k8scel

import (
	"flag"
	"strings"
	"testing"
)

var probe = flag.String("k8scel.probe", "", "expressions separated by ' ;; ' to evaluate in both environments and print")

// TestProbe prints kube-apiserver's and our outcome for each expression
// given with -k8scel.probe: a way to take kube's answers for a unit test.
func TestProbe(t *testing.T) {
	if *probe == "" {
		t.Skip("no -k8scel.probe expressions")
	}
	for _, e := range strings.Split(*probe, " ;; ") {
		real, ours := evalReal(e), evalOurs(e)
		mark := "same"
		if real.kind != ours.kind || real.kind == value && real.text != ours.text {
			mark = "DIFF"
		}
		t.Logf("%s %s\n  kube: %v\n  ours: %v", mark, e, real, ours)
	}
}
