package escapetest

import "testing"

// Each runs check once for every Hostile value, as a subtest named after
// the value, so one failing value names itself and the rest still run.
func Each(t *testing.T, check func(t *testing.T, v string)) {
	t.Helper()
	for _, h := range Hostile {
		t.Run(h.Name, func(t *testing.T) { check(t, h.Value) })
	}
}

// Quotes runs, as the subtest path, a check of every Hostile value: the
// message text puts v in must quote want(v) once (v itself when want is
// nil). It serves the providers' tables of message paths.
func Quotes(t *testing.T, path string, text func(t *testing.T, v string) string, want func(v string) string) {
	t.Helper()
	t.Run(path, func(t *testing.T) {
		Each(t, func(t *testing.T, v string) {
			w := v
			if want != nil {
				w = want(v)
			}
			WantQuotedOnce(t, path, text(t, v), w)
		})
	})
}
