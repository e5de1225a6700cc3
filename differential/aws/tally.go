package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// MinAgreement is the share of cases the two sides must agree on (issue
// 14: at least 99.5 %).
const MinAgreement = 99.5

// Tally counts a run.
type Tally struct {
	Cases, Agree int
	// What the simulator decided over the generated set, to show that
	// matches are frequent (agreement on cases everyone denies proves
	// little).
	SimAllowed, SimImplicit, SimExplicit, SimInvalid int
	OursError                                        int
	Known                                            map[string][]Finding // class IDs (joined by +) → their disagreements
	Unknown                                          []Finding
	classes                                          map[string][]*KnownClass
}

// KnownKeys lists the keys of Known in order.
func (t *Tally) KnownKeys() []string {
	keys := make([]string, 0, len(t.Known))
	for k := range t.Known {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Finding is one disagreement, shrunk.
type Finding struct {
	Original Case
	Minimal  Case
	Outcome  Outcome // on Minimal
}

// Add counts one outcome.
func (t *Tally) Add(o Outcome) {
	t.Cases++
	if o.Agree() {
		t.Agree++
	}
	switch {
	case len(o.Sim.Invalid) > 0:
		t.SimInvalid++
	case o.Sim.Decision == "Allowed":
		t.SimAllowed++
	case o.Sim.Decision == "ExplicitlyDenied":
		t.SimExplicit++
	default:
		t.SimImplicit++
	}
	if o.OurVerdict() == policy.Error {
		t.OursError++
	}
}

// Agreement is the share of agreeing cases, in percent.
func (t *Tally) Agreement() float64 {
	if t.Cases == 0 {
		return 0
	}
	return 100 * float64(t.Agree) / float64(t.Cases)
}

// Summary is the run in a few lines.
func (t *Tally) Summary() string {
	var b strings.Builder
	pct := func(n int) float64 { return 100 * float64(n) / float64(max(t.Cases, 1)) }
	fmt.Fprintf(&b, "agreement %.2f %% (%d of %d cases; %d disagree: %d in known classes, %d unexplained)\n",
		t.Agreement(), t.Agree, t.Cases, t.Cases-t.Agree, t.Cases-t.Agree-len(t.Unknown), len(t.Unknown))
	simWrong := 0
	for key, fs := range t.Known {
		if allSimWrong(t.classes[key]) {
			simWrong += len(fs)
		}
	}
	fmt.Fprintf(&b, "%.2f %% counting as agreement the %d case(s) where the simulator departs from AWS's documentation and oidcscope follows it\n",
		100*float64(t.Agree+simWrong)/float64(max(t.Cases, 1)), simWrong)
	fmt.Fprintf(&b, "simulator decisions: Allowed %d (%.1f %%), ImplicitlyDenied %d (%.1f %%), ExplicitlyDenied %d (%.1f %%), invalid document %d; oidcscope errors %d\n",
		t.SimAllowed, pct(t.SimAllowed), t.SimImplicit, pct(t.SimImplicit), t.SimExplicit, pct(t.SimExplicit), t.SimInvalid, t.OursError)
	for _, key := range t.KnownKeys() {
		fmt.Fprintf(&b, "known %s: %d case(s)\n", key, len(t.Known[key]))
	}
	return b.String()
}

// Repro prints a finding as a reproduction: both answers, oidcscope's
// reason, and the minimal document and claims as compact JSON.
func (f Finding) Repro() string {
	doc, _ := marshal(f.Minimal.Doc)
	claims, _ := marshal(f.Minimal.Claims)
	var b strings.Builder
	fmt.Fprintf(&b, "case %s (regenerate: -seed %s -case %s): %s\n", f.Original.ID, seedOf(f.Original.ID), indexOf(f.Original.ID), f.Outcome.Pair())
	fmt.Fprintf(&b, "  oidcscope: %s\n", f.Outcome.Why())
	for _, c := range f.Outcome.Ours.Conditions {
		if c.Result == policy.Fail || c.Result == policy.Errored || len(c.Diagnosis) > 0 && c.Result != policy.NotApplied {
			fmt.Fprintf(&b, "    [%s] %s: %s\n", c.Result, c.Expression, strings.Join(c.Diagnosis, " | "))
		}
	}
	ctx, _ := marshal(f.Outcome.Sim.Context)
	fmt.Fprintf(&b, "  simulator request context: %s\n", ctx)
	if f.Outcome.Sim.Statements != nil {
		st, _ := marshal(f.Outcome.Sim.Statements)
		fmt.Fprintf(&b, "  simulator statements matching alone: %s\n", st)
	}
	fmt.Fprintf(&b, "  policy: %s\n  claims: %s\n", doc, claims)
	return b.String()
}

func seedOf(id string) string  { s, _, _ := strings.Cut(id, "/"); return s }
func indexOf(id string) string { _, i, _ := strings.Cut(id, "/"); return i }
