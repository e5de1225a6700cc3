package aws

import (
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"
)

var (
	seedFlag  = flag.Uint64("seed", 20261206, "seed of the generated AWS trust-policy cases")
	casesFlag = flag.Int("cases", 2000, "how many AWS trust-policy cases to generate")
	caseFlag  = flag.Int("case", -1, "judge only this case of -seed, and explain both answers")
)

// How many disagreements are shrunk and printed: every unexplained one up
// to a cap, a few examples of each known class.
const (
	maxUnknownShown = 25
	examplesPerKind = 3
)

func TestAgreesWithSimulator(t *testing.T) {
	j := startJudge(t)
	requireSelfCheck(t, j)
	if *caseFlag >= 0 {
		explainCase(t, j, Generate(*seedFlag, *caseFlag))
		return
	}
	start := time.Now()
	cases := make([]Case, *casesFlag)
	for i := range cases {
		cases[i] = Generate(*seedFlag, i)
	}
	outcomes, err := j.All(cases)
	if err != nil {
		t.Fatal(err)
	}
	tally := Tally{Known: map[string][]Finding{}, classes: map[string][]*KnownClass{}}
	for i, o := range outcomes {
		tally.Add(o)
		if o.Agree() {
			continue
		}
		classes, err := Classify(cases[i], o, j.agrees)
		if err != nil {
			t.Fatal(err)
		}
		key := classKey(classes)
		shown, limit := len(tally.Unknown), maxUnknownShown
		if classes != nil {
			shown, limit = len(tally.Known[key]), examplesPerKind
		}
		f := Finding{Original: cases[i], Minimal: cases[i], Outcome: o}
		if shown < limit {
			if f, err = j.shrink(cases[i], o, key); err != nil {
				t.Fatal(err)
			}
		}
		if classes != nil {
			tally.Known[key] = append(tally.Known[key], f)
			tally.classes[key] = classes
		} else {
			tally.Unknown = append(tally.Unknown, f)
		}
	}
	t.Logf("seed %d, %d cases in %v\n%s", *seedFlag, len(cases), time.Since(start).Round(time.Millisecond), tally.Summary())
	for _, key := range tally.KnownKeys() {
		fs := tally.Known[key]
		var b strings.Builder
		for _, k := range tally.classes[key] {
			kind := "AWS's behaviour is undocumented; oidcscope's diagnosis names both readings"
			if k.SimWrong {
				kind = "the simulator departs from AWS's documentation"
			}
			fmt.Fprintf(&b, "  %s (%s): %s\n    why oidcscope answers as it does: %s\n    source: %s\n", k.ID, kind, k.What, k.Reason, k.Source)
		}
		for _, f := range fs[:min(len(fs), examplesPerKind)] {
			b.WriteString(f.Repro())
		}
		t.Logf("known %s: %d case(s)\n%s", key, len(fs), b.String())
	}
	for i, f := range tally.Unknown {
		if i == maxUnknownShown {
			t.Errorf("… and %d more unexplained disagreements", len(tally.Unknown)-i)
			break
		}
		t.Errorf("unexplained disagreement (no known class fits):\n%s", f.Repro())
	}
	if tally.Agreement() < MinAgreement {
		t.Errorf("agreement %.2f %% is below %.1f %%", tally.Agreement(), MinAgreement)
	}
}

// agrees judges a case and reports whether both sides agree.
func (j Judge) agrees(c Case) (bool, error) {
	o, err := j.One(c, false)
	return o.Agree(), err
}

// shrink reduces a disagreeing case to a minimal one that disagrees the
// same way (same pair of answers) and is explained by the same classes
// (key; "" for none), then explains it.
func (j Judge) shrink(c Case, o Outcome, key string) (Finding, error) {
	keep := func(n Case) (bool, error) {
		on, err := j.One(n, false)
		if err != nil || on.Agree() || on.Pair() != o.Pair() {
			return false, err
		}
		ks, err := Classify(n, on, j.agrees)
		return classKey(ks) == key, err
	}
	minimal, err := Shrink(c, keep)
	if err != nil {
		return Finding{}, err
	}
	om, err := j.One(minimal, true)
	return Finding{Original: c, Minimal: minimal, Outcome: om}, err
}

// explainCase prints one case in full: both answers, the simulator's
// request context and per-statement matches, every oidcscope condition.
func explainCase(t *testing.T, j Judge, c Case) {
	o, err := j.One(c, true)
	if err != nil {
		t.Fatal(err)
	}
	f := Finding{Original: c, Minimal: c, Outcome: o}
	var b strings.Builder
	for _, cd := range o.Ours.Conditions {
		b.WriteString("    [" + string(cd.Result) + "] " + cd.Group + ": " + cd.Expression + " — actual " + cd.Actual + "; " + strings.Join(cd.Diagnosis, " | ") + "\n")
	}
	t.Logf("agree: %v\n%s  every oidcscope condition:\n%s", o.Agree(), f.Repro(), b.String())
}
