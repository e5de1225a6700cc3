package k8s

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

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
	rn, err := newRunner()
	if err != nil {
		t.Fatal(err)
	}
	if !t.Run("self-check", func(t *testing.T) { selfCheck(t, ctx, rn) }) {
		t.Fatal("the harness does not drive kube-apiserver's code as documented; no comparison made")
	}
	now := time.Now().Unix()
	if *caseFlag >= 0 {
		explain(t, ctx, rn, genCase(*seedFlag, *caseFlag, now))
		return
	}
	mix := map[policy.Verdict]int{}
	reasons := map[string]int{} // kube-apiserver's refusals by kind
	known := map[string]int{}
	agree, unknown := 0, 0
	seen := map[string]bool{} // one reproduction per signature
	for i := range *casesFlag {
		c := genCase(*seedFlag, i, now)
		o, err := rn.run(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		mix[o.kube.verdict]++
		if o.kube.msg != "" {
			reasons[string(o.kube.verdict)+": "+family(o.kube.msg)]++
		}
		d, ok := compare(o)
		if ok {
			agree++
			continue
		}
		k, err := classify(c, func(x testCase) (bool, error) {
			xo, err := rn.run(ctx, x)
			return agrees(xo), err
		})
		if err != nil {
			t.Fatal(err)
		}
		if k != nil {
			if known[k.id] == 0 {
				small, so, err := rn.shrink(ctx, c, d.signature())
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("known disagreement %s, first case shrunk:\n%s", k.id, reproduction(small, so))
			}
			known[k.id]++
			continue
		}
		unknown++
		if seen[d.signature()] || len(seen) >= maxUnknownShown {
			continue
		}
		seen[d.signature()] = true
		small, so, err := rn.shrink(ctx, c, d.signature())
		if err != nil {
			t.Fatal(err)
		}
		t.Errorf("unknown disagreement (%s; seed %d):\n%s", d.what, *seedFlag, reproduction(small, so))
	}
	n := *casesFlag
	pct := 100 * float64(agree) / float64(n)
	t.Logf("k8s.io/apiserver v0.37.2 vs oidcscope: %d/%d cases agree (%.2f %%); kube-apiserver's answers: %d allow, %d deny, %d error (configuration refused); seed %d; %s",
		agree, n, pct, mix[policy.Allow], mix[policy.Deny], mix[policy.Error], *seedFlag, time.Since(start).Round(time.Millisecond))
	logCounts(t, "kube-apiserver's answer", reasons)
	var ids []string
	for id := range known {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		return known[ids[i]] > known[ids[j]] || known[ids[i]] == known[ids[j]] && ids[i] < ids[j]
	})
	for _, id := range ids {
		t.Logf("known disagreement %-24s %4d cases (%s)", id, known[id], knownByID(id).what)
	}
	if unknown > 0 {
		t.Errorf("%d unexplained disagreements, %d kinds shown above", unknown, len(seen))
	}
	if pct < minAgreement {
		t.Errorf("agreement %.2f %% is under %.1f %%", pct, minAgreement)
	}
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

// logCounts logs counts, most frequent first.
func logCounts(t *testing.T, what string, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		t.Logf("%s %5d  %s", what, counts[k], k)
	}
}
