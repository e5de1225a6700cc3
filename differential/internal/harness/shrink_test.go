package harness

import (
	"errors"
	"testing"
)

// halves are a number's smaller candidates: itself minus one, and half.
func halves(n int) []int {
	if n == 0 {
		return nil
	}
	return []int{n - 1, n / 2}
}

func TestShrinkKeepsTheSmallestCaseThatStillDisagrees(t *testing.T) {
	tries := 0
	// Even numbers keep the disagreement; 6 cannot be run.
	try := func(n int) (string, bool, error) {
		tries++
		if n == 6 {
			return "", false, errors.New("cannot run")
		}
		return "outcome of " + string(rune('0'+n%10)), n%2 == 0 && n > 0, nil
	}
	best, out, err := Shrink(24, halves, try, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	// 24, then 23 (odd) and 12; then 11 (odd) and 6 (passed over).
	if best != 12 || out != "outcome of 2" {
		t.Errorf("Shrink = %d, %q; want 12, %q", best, out, "outcome of 2")
	}
	if tries != 5 {
		t.Errorf("%d runs; want 5", tries)
	}
}

func TestShrinkStopsAtTheRunLimit(t *testing.T) {
	try := func(n int) (int, bool, error) { return n, n > 0, nil }
	best, out, err := Shrink(100, halves, try, Limits{Runs: 3})
	if err != nil {
		t.Fatal(err)
	}
	// Three candidate runs, each the first candidate: 99, 98, 97.
	if best != 97 || out != 97 {
		t.Errorf("Shrink = %d, %d; want 97, 97", best, out)
	}
}

func TestShrinkReturnsTheOriginalCasesFailure(t *testing.T) {
	fail := errors.New("cannot run")
	try := func(n int) (int, bool, error) { return 0, false, fail }
	best, _, err := Shrink(8, halves, try, Limits{})
	if !errors.Is(err, fail) || best != 8 {
		t.Errorf("Shrink = %d, %v; want 8 and the failure", best, err)
	}
}
