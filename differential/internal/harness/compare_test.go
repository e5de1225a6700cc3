package harness

import (
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
