package harness

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

func TestCompareCountsACaseOncePerKnownClass(t *testing.T) {
	var shrunk []int
	known := func(i int, class, sig string) Disagreement {
		return Disagreement{Signature: sig, Class: class, Reproduce: func() (string, error) {
			shrunk = append(shrunk, i)
			return "case", nil
		}}
	}
	// Cases 0 and 3 agree; 1 and 4 differ twice, both of class a; 2 and 5
	// once, of class b.
	tally := Compare(t, Comparison[int, int]{
		Seed:     1,
		Cases:    6,
		Generate: func(i int) int { return i },
		Run:      func(i int) (int, error) { return i, nil },
		Real:     func(int) (policy.Verdict, string) { return policy.Deny, "refused" },
		Family:   func(msg string) string { return msg },
		Disagree: func(i, _ int) ([]Disagreement, error) {
			switch i % 3 {
			case 1:
				return []Disagreement{known(i, "a", "x"), known(i, "a", "y")}, nil
			case 2:
				return []Disagreement{known(i, "b", "x")}, nil
			}
			return nil, nil
		},
	})
	if tally.Cases != 6 || tally.Agree != 2 || tally.Unknown != 0 || tally.Known["a"] != 2 || tally.Known["b"] != 2 {
		t.Errorf("tally: %d cases, %d agree, %d unknown, known %v; want 6, 2, 0, map[a:2 b:2]", tally.Cases, tally.Agree, tally.Unknown, tally.Known)
	}
	if tally.Verdicts[policy.Deny] != 6 || tally.Refusals["deny: refused"] != 6 {
		t.Errorf("real answers: %v, %v; want 6 denials, each refused", tally.Verdicts, tally.Refusals)
	}
	// Only the first case of each class is shrunk, once.
	if len(shrunk) != 2 || shrunk[0] != 1 || shrunk[1] != 2 {
		t.Errorf("shrunk cases %v; want [1 2]", shrunk)
	}
}

// failures records what Compare reports as failures, so a test can check
// them rather than fail.
type failures struct {
	testing.TB
	errors []string
}

func (f *failures) Helper()                   {}
func (f *failures) Logf(string, ...any)       {}
func (f *failures) Errorf(s string, a ...any) { f.errors = append(f.errors, fmt.Sprintf(s, a...)) }

// TestCompareReportsEachUnknownKindOnce: every unknown disagreement is
// counted; each kind is reproduced and reported once, named by what
// differs when known, and no more kinds than MaxShown.
func TestCompareReportsEachUnknownKindOnce(t *testing.T) {
	sigs := []string{"s1", "s1", "s2", "s3", "s4"}
	shrunk := map[string]int{}
	rec := &failures{TB: t}
	tally := Compare(rec, Comparison[int, int]{
		Seed:     9,
		Cases:    len(sigs),
		MaxShown: 2,
		Generate: func(i int) int { return i },
		Run:      func(i int) (int, error) { return i, nil },
		Real:     func(int) (policy.Verdict, string) { return policy.Allow, "" },
		Family:   func(msg string) string { return msg },
		Disagree: func(i, _ int) ([]Disagreement, error) {
			sig := sigs[i]
			what := ""
			if sig == "s1" {
				what = "the verdict"
			}
			return []Disagreement{{Signature: sig, What: what, Reproduce: func() (string, error) {
				shrunk[sig]++
				return "smallest " + sig, nil
			}}}, nil
		},
	})
	if tally.Unknown != 5 || tally.Agree != 0 {
		t.Errorf("tally: %d unknown, %d agree; want 5, 0", tally.Unknown, tally.Agree)
	}
	if len(rec.errors) != 2 || !strings.Contains(rec.errors[0], "(the verdict; seed 9)") || !strings.Contains(rec.errors[0], "smallest s1") ||
		!strings.Contains(rec.errors[1], "(seed 9)") || !strings.Contains(rec.errors[1], "smallest s2") {
		t.Errorf("reported %q; want s1 (naming what differs) and s2, once each", rec.errors)
	}
	if shrunk["s1"] != 1 || shrunk["s2"] != 1 || shrunk["s3"] != 0 || shrunk["s4"] != 0 {
		t.Errorf("shrunk %v; want s1 and s2 once, the kinds past MaxShown never", shrunk)
	}
}
