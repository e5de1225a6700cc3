package k8s

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
	"github.com/oidcscope/oidcscope/policy"
)

var (
	seedFlag  = flag.Uint64("seed", 1, "seed of the generated Kubernetes cases")
	casesFlag = flag.Int("cases", 2000, "number of generated Kubernetes cases")
	caseFlag  = flag.Int("case", -1, "judge only this case of -seed, and explain both answers")
)

// minAgreement is the share of cases on which oidcscope must give
// kube-apiserver's answer, known disagreements included.
const minAgreement = 99.5

// maxUnknownShown bounds the unexplained disagreements shrunk and shown.
const maxUnknownShown = 12

// TestKubernetesAgreement compares oidcscope with kube-apiserver's code on
// generated cases. Unexplained disagreements fail, each kind with a shrunk
// reproduction; known ones are tallied by class, the first of each shrunk.
func TestKubernetesAgreement(t *testing.T) {
	ctx := context.Background()
	start := time.Now()
	rn := harness.Prepare(t, "kube-apiserver's code", newRunner, func(t *testing.T, rn *runner) { selfCheck(t, ctx, rn) })
	now := time.Now().Unix()
	if *caseFlag >= 0 {
		explain(t, ctx, rn, genCase(*seedFlag, *caseFlag, now))
		return
	}
	tally := harness.Compare(t, harness.Comparison[testCase, outcome]{
		Seed:     *seedFlag,
		Cases:    *casesFlag,
		MaxShown: maxUnknownShown,
		Generate: func(i int) testCase { return genCase(*seedFlag, i, now) },
		Run:      func(c testCase) (outcome, error) { return rn.run(ctx, c) },
		Real:     func(o outcome) (policy.Verdict, string) { return o.kube.verdict, o.kube.msg },
		Family:   family,
		Disagree: func(c testCase, o outcome) ([]harness.Disagreement, error) { return classified(ctx, rn, c, o) },
	})
	mix := tally.Verdicts
	t.Logf("k8s.io/apiserver v0.37.2 vs oidcscope: %d/%d cases agree (%.2f %%); kube-apiserver's answers: %d allow, %d deny, %d error (configuration refused); seed %d; %s",
		tally.Agree, tally.Cases, tally.Percent(), mix[policy.Allow], mix[policy.Deny], mix[policy.Error], *seedFlag, time.Since(start).Round(time.Millisecond))
	tally.Report(t, "kube-apiserver's answer", func(id string) string { return knownByID(id).what }, minAgreement)
}

// classified is how the two answers to a case differ: at most one way,
// explained by the first known class whose feature, taken out, makes them
// agree.
func classified(ctx context.Context, rn *runner, c testCase, o outcome) ([]harness.Disagreement, error) {
	d, ok := compare(o)
	if ok {
		return nil, nil
	}
	k, err := classify(c, func(x testCase) (bool, error) {
		xo, err := rn.run(ctx, x)
		return agrees(xo), err
	})
	if err != nil {
		return nil, err
	}
	hd := harness.Disagreement{Signature: d.signature(), What: d.what, Reproduce: func() (string, error) {
		small, so, err := rn.shrink(ctx, c, d.signature())
		return reproduction(small, so), err
	}}
	if k != nil {
		hd.Class = k.id
	}
	return []harness.Disagreement{hd}, nil
}

// explain prints one case, both answers, and the classes its features
// fall in.
func explain(t *testing.T, ctx context.Context, rn *runner, c testCase) {
	o, err := rn.run(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(reproduction(c, o))
	if o.scope.verdict != policy.Error {
		fmt.Fprintf(&b, "  oidcscope's conditions:\n")
		for _, cond := range o.scope.result.Conditions {
			fmt.Fprintf(&b, "    %s %s\n", cond.Result, cond.Expression)
			for _, line := range cond.Diagnosis {
				fmt.Fprintf(&b, "        %s\n", line)
			}
		}
	}
	for _, k := range knownClasses {
		if !k.fits(c) {
			continue
		}
		xo, err := rn.run(ctx, k.without(c))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "  without %s: kube-apiserver %s, oidcscope %s\n", k.id, xo.kube.verdict, xo.scope.verdict)
	}
	d, ok := compare(o)
	if ok {
		b.WriteString("  both agree\n")
	} else {
		fmt.Fprintf(&b, "  they differ on the %s\n", d.what)
	}
	t.Log(b.String())
}
