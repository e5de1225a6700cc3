package cli

import (
	"strings"
	"testing"
)

// TestDemoSetTypo: a mistyped --demo-set is a usage error (exit 2) with
// the closest set and the sets listed as words, not Go's formatting of a
// slice or an internal package prefix.
func TestDemoSetTypo(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		want    []string
		notWant []string
	}{
		{[]string{"inspect", "--demo-set", "push_main"},
			[]string{`--demo-set: unknown claim set "push_main"; did you mean push-main?`, "push-main, pull-request, environment-prod"},
			[]string{"fixtures:", "["}},
		{[]string{"inspect", "--json", "--demo-set", "enviroment-prod"},
			[]string{"did you mean environment-prod?"}, []string{"fixtures:", "["}},
		{[]string{"inspect", "--demo-set", "nothing-like-it"},
			[]string{`unknown claim set "nothing-like-it"`, "push-main, pull-request"},
			[]string{"did you mean", "fixtures:", "["}},
	} {
		code, out, errOut := runCLI(t, "", tc.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want exit 2 and no stdout", tc.args, code, out)
		}
		for _, w := range tc.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%q: stderr %q; want %q", tc.args, errOut, w)
			}
		}
		for _, w := range tc.notWant {
			if strings.Contains(errOut, w) {
				t.Errorf("%q: stderr %q; want no %q", tc.args, errOut, w)
			}
		}
	}
}
