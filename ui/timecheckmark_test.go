package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestExpiredRowMarksTheCheck: with the token expired, the exp row of the
// claims list never carries the ✓ that a passing policy condition on exp
// (crates.io's claim-presence check) would give it: it shows the failed
// exp check. The nbf row, whose check passes, keeps its ✓.
func TestExpiredRowMarksTheCheck(t *testing.T) {
	o := demoOptions(t)
	o.At = fixedNow().Add(time.Hour)
	s := inspect.NewSession(o).WithPolicies(demoPolicySet(t))
	m, _ := newTestModel(t, s, demoToken(t), 100, 40)
	row := func(name string) string {
		t.Helper()
		for _, l := range strings.Split(m.View(), "\n") {
			if f := strings.Fields(strings.TrimLeft(l, "▸ ")); len(f) > 0 && f[0] == name {
				return strings.SplitN(l, "│", 2)[0]
			}
		}
		t.Fatalf("no %s row in\n%s", name, m.View())
		return ""
	}
	exp := row("exp")
	if strings.Contains(exp, "✓") {
		t.Errorf("the exp row of an expired token shows ✓: %q", exp)
	}
	if !strings.Contains(exp, "✗ fail") {
		t.Errorf("the exp row of an expired token does not show the failed check: %q", exp)
	}
	if nbf := row("nbf"); !strings.Contains(nbf, "✓") {
		t.Errorf("the nbf row, whose check and conditions pass, lost its ✓: %q", nbf)
	}
}
