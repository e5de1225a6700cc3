package k8scel

import (
	"flag"
	"fmt"
	"strings"
	"testing"
)

var (
	seed  = flag.Uint64("k8scel.seed", 1, "generator seed")
	count = flag.Int("k8scel.n", 4000, "random expressions per run")
)

// Documented differences, kept out of the generator (so the run must
// agree on everything it tries):
//
//   - Quantities with exponents near the 32-bit limit (quantity("1e99999999999"),
//     whose exponent wraps to 1215752191, or "0e2000000000") compared with or
//     added to another quantity: kube-apiserver rescales its decimal to that
//     many digits and does not finish (minutes of CPU, gigabytes); we compare
//     by order of magnitude at once, add zeros without aligning, and refuse
//     an addition needing more than 100,000 digits with a runtime error.
//   - Go values of kube's opaque types are compared by what CEL can see:
//     a quantity by its exact value (its serialised form, e.g. "1536Mi"
//     vs "1.5Gi", has no CEL function), a named format by its name.
//
// TestAgreement compiles and evaluates generated expressions in
// kube-apiserver's CEL environment and in ours, and requires the same
// outcome: both refuse to compile, both fail at run time, or both give
// the same value.
func TestAgreement(t *testing.T) {
	exprs := generate(*seed, *count)
	seen := map[string]bool{}
	var agree, total int
	var report []string
	for _, e := range exprs {
		if seen[e] {
			continue
		}
		seen[e] = true
		total++
		real, ours := evalReal(e), evalOurs(e)
		if real.kind == ours.kind && (real.kind != value || real.text == ours.text) {
			agree++
			continue
		}
		report = append(report, fmt.Sprintf("%s\n  kube: %v\n  ours: %v", e, real, ours))
	}
	t.Logf("seed %d: %d distinct expressions, %d agree, %d disagree", *seed, total, agree, len(report))
	if len(report) > 0 {
		if len(report) > 60 {
			report = report[:60]
		}
		t.Errorf("disagreements:\n%s", strings.Join(report, "\n"))
	}
}
