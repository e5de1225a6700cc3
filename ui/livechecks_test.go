package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestTimeChecksFollowTheClock: the Signature view's exp, nbf and iat are
// evaluated again as the clock moves, as the status line's countdown is,
// so an expired token never shows "✓ pass exp" (issue 16, item 3).
func TestTimeChecksFollowTheClock(t *testing.T) {
	now := fixedNow()
	clock := func() time.Time { return now }
	o := demoOptions(t)
	o.At, o.Now = time.Time{}, clock // the clock's, not --at
	tok := demoToken(t)
	cfg, _ := testConfig(inspect.NewSession(o), tok)
	cfg.Now = clock
	m := start(t, cfg, 120, 40)
	m = keys(t, m, "3")
	checkLine := func(m Model, name string) string {
		for _, l := range strings.Split(m.View(), "\n") {
			if f := strings.Fields(l); len(f) > 3 && f[2] == name {
				return l
			}
		}
		t.Fatalf("no %s check on screen:\n%s", name, m.View())
		return ""
	}
	if l := checkLine(m, "exp"); !strings.Contains(l, "✓ pass") || !strings.Contains(l, "in 5m") {
		t.Fatalf("fresh token: %q", l)
	}

	now = now.Add(6 * time.Minute) // past exp and its 30s leeway
	m = send(t, m, tickMsg(now))
	if l := checkLine(m, "exp"); !strings.Contains(l, "✗ fail") || !strings.Contains(l, "1m ago") {
		t.Errorf("six minutes on, the Signature view says %q", l)
	}
	contains(t, m.View(), "expired 1m ago")
	contains(t, m.View(), "✗ fail exp")
	if l := checkLine(m, "iat"); !strings.Contains(l, "6m ago") {
		t.Errorf("iat is not relative to the clock: %q", l)
	}
}
