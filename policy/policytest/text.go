package policytest

import (
	"strings"
	"testing"
)

// CheckText fails the test for every entry of says that text (a
// diagnosis, a summary, an error; named by what in the message) lacks,
// and for every entry of never that it holds.
func CheckText(t testing.TB, what, text string, says, never []string) {
	t.Helper()
	for _, s := range says {
		if !strings.Contains(text, s) {
			t.Errorf("%s lacks %q:\n%s", what, s, text)
		}
	}
	for _, n := range never {
		if strings.Contains(text, n) {
			t.Errorf("%s should not say %q:\n%s", what, n, text)
		}
	}
}
