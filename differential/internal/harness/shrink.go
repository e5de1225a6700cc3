package harness

import "time"

// Limits bound one shrink; zero is no bound.
type Limits struct {
	Runs int
	Time time.Duration
}

// Shrink looks for a smaller case that keeps a disagreement: while one
// of the best case's candidates (first first) keeps it, that candidate
// is the best case. try runs a case: its outcome, and whether it keeps
// the disagreement; a candidate it fails on is passed over (a case the
// harness cannot run is no reproduction), the original case's failure
// is returned. Shrink returns the best case and its outcome.
func Shrink[C, O any](c C, candidates func(C) []C, try func(C) (O, bool, error), limits Limits) (C, O, error) {
	best := c
	bestOut, _, err := try(c)
	if err != nil {
		return c, bestOut, err
	}
	runs, start := 0, time.Now()
	for progress := true; progress; {
		progress = false
		for _, cand := range candidates(best) {
			runs++
			if (limits.Runs > 0 && runs > limits.Runs) || (limits.Time > 0 && time.Since(start) > limits.Time) {
				return best, bestOut, nil
			}
			o, keeps, err := try(cand)
			if err != nil || !keeps {
				continue
			}
			best, bestOut, progress = cand, o, true
			break
		}
	}
	return best, bestOut, nil
}
