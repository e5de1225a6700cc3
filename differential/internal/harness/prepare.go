package harness

import "testing"

// Prepare makes a run's runner and runs the self-check on it before any
// comparison, stopping the test when it fails: a harness that does not
// drive the real code (real names it) as documented must not pass for
// agreement.
func Prepare[R any](t *testing.T, real string, newRunner func() (R, error), selfCheck func(*testing.T, R)) R {
	t.Helper()
	rn, err := newRunner()
	if err != nil {
		t.Fatal(err)
	}
	if !t.Run("self-check", func(t *testing.T) { selfCheck(t, rn) }) {
		t.Fatalf("the harness does not drive %s as documented; no comparison made", real)
	}
	return rn
}
