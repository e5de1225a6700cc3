package harness

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// Disagreement is one way the two answers to a case differ.
type Disagreement struct {
	Signature string // its kind: shrinking keeps it, and each unknown kind is reproduced once
	Class     string // the known class that explains it; "" for none
	What      string // what differs, named in an unknown one's report ("": not named)
	// Reproduce shrinks the case keeping this disagreement and writes the
	// smallest case found with both answers.
	Reproduce func() (string, error)
}

// Comparison is an agreement run over generated cases: the first Cases
// cases of Seed, run through both sides.
type Comparison[C, O any] struct {
	Seed     uint64
	Cases    int
	MaxShown int // unknown kinds reproduced; 0: no bound

	Generate func(i int) C                    // case i of Seed
	Run      func(C) (O, error)               // both answers to a case
	Real     func(O) (policy.Verdict, string) // the real code's answer and message
	Family   func(msg string) string          // the kind of message the real code gave
	// Disagree lists how the answers differ, nothing when they agree.
	Disagree func(C, O) ([]Disagreement, error)
}

// Compare runs the cases and tallies them. A case counts once for each
// known class among its disagreements, and the first case of a class is
// shrunk and logged; an unknown disagreement fails the test with a shrunk
// reproduction, once for each kind (up to MaxShown kinds).
func Compare[C, O any](t testing.TB, cmp Comparison[C, O]) *Tally {
	t.Helper()
	tally := NewTally()
	for i := range cmp.Cases {
		c := cmp.Generate(i)
		o, err := cmp.Run(c)
		if err != nil {
			t.Fatal(err)
		}
		v, msg := cmp.Real(o)
		tally.Real(v, msg, cmp.Family)
		ds, err := cmp.Disagree(c, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) == 0 {
			tally.Agree++
			continue
		}
		classes := map[string]bool{}
		for _, d := range ds {
			if d.Class != "" {
				if !classes[d.Class] && tally.Known[d.Class] == 0 {
					t.Logf("known disagreement %s, first case shrunk:\n%s", d.Class, reproduce(t, d))
				}
				classes[d.Class] = true
				continue
			}
			tally.Unknown++
			if !tally.Show(d.Signature, cmp.MaxShown) {
				continue
			}
			if d.What != "" {
				t.Errorf("unknown disagreement (%s; seed %d):\n%s", d.What, cmp.Seed, reproduce(t, d))
			} else {
				t.Errorf("unknown disagreement (seed %d):\n%s", cmp.Seed, reproduce(t, d))
			}
		}
		for class := range classes {
			tally.Known[class]++
		}
	}
	return tally
}

// reproduce is a disagreement's shrunk reproduction; a case the harness
// cannot run stops the test.
func reproduce(t testing.TB, d Disagreement) string {
	t.Helper()
	text, err := d.Reproduce()
	if err != nil {
		t.Fatal(err)
	}
	return text
}
