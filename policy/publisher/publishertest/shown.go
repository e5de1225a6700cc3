package publishertest

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// Said is every message of r that a view shows as prose, one a line: the
// summary, the error, the lint findings, and the expression and diagnosis
// of the condition whose expression contains expr (every condition with
// ""; the test fails when none does).
func Said(t testing.TB, r policy.Result, expr string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(r.Summary + "\n" + r.Error + "\n")
	for _, f := range r.Lint {
		b.WriteString(f.Message + "\n")
	}
	found := false
	for _, c := range r.Conditions {
		if strings.Contains(c.Expression, expr) {
			found = true
			b.WriteString(c.Expression + "\n" + strings.Join(c.Diagnosis, "\n") + "\n")
		}
	}
	if !found {
		t.Fatalf("no condition with %q in\n%s", expr, Describe(r))
	}
	return b.String()
}

// Lint is the messages of r's findings of rule, one a line.
func Lint(r policy.Result, rule string) string {
	var b strings.Builder
	for _, f := range r.Lint {
		if f.Rule == rule {
			b.WriteString(f.Message + "\n")
		}
	}
	return b.String()
}
