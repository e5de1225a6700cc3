package ui

import (
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
	"github.com/oidcscope/oidcscope/verify"
)

// TestKeyPressesLeaveWorkToCommands: no key press decodes, fetches keys or
// evaluates policies inside Update, where it would freeze the screen; each
// returns a command that does it, and the work happens only when that
// command runs. The key server counts its requests to show when.
func TestKeyPressesLeaveWorkToCommands(t *testing.T) {
	var fetches atomic.Int32
	m := typedDemo(t, inspect.NewSession(keyServerOptions(t, func() { fetches.Add(1) })))

	// Enter: no report yet, nothing fetched; the command inspects offline.
	next, cmd := m.Update(teakey.Msg("enter"))
	m = next.(Model)
	if m.report != nil || cmd == nil || fetches.Load() != 0 {
		t.Fatalf("enter: report %v, command %v, %d fetches; want none, one, none", m.report != nil, cmd != nil, fetches.Load())
	}
	msgs := results(cmd)
	if len(msgs) != 1 {
		t.Fatalf("the inspect command gave %d messages", len(msgs))
	}
	// The offline report arrives; the fetch is another command.
	next, cmd = m.Update(msgs[0])
	m = next.(Model)
	if m.report == nil || fetches.Load() != 0 {
		t.Fatalf("offline report: %v, %d fetches before the fetch command ran", m.report != nil, fetches.Load())
	}
	m = run(t, m, cmd)
	if fetches.Load() != 1 || m.report.Verify.Signature.Status != verify.StatusValid {
		t.Fatalf("after the fetch command: %d fetches, signature %s", fetches.Load(), m.report.Verify.Signature.Status)
	}

	// r re-fetches, in a command.
	next, cmd = m.Update(teakey.Msg("r"))
	m = next.(Model)
	if fetches.Load() != 1 || cmd == nil {
		t.Fatalf("r fetched %d times inside Update", fetches.Load()-1)
	}
	m = run(t, m, cmd)
	if fetches.Load() != 2 {
		t.Fatalf("r's command fetched %d times, want once", fetches.Load()-1)
	}

	// p, a path, enter: the policy is read and evaluated by the command.
	m = keys(t, m, "p")
	m = typeText(t, m, filepath.Join("..", "fixtures", "policies", "aws", "trust-environment-prod.json"))
	next, cmd = m.Update(teakey.Msg("enter"))
	m = next.(Model)
	if len(m.report.Policies) != 0 || cmd == nil {
		t.Fatalf("enter at the policy prompt evaluated %d policies inside Update", len(m.report.Policies))
	}
	for _, msg := range results(cmd) {
		if _, ok := msg.(policiesMsg); !ok {
			continue
		}
		next, cmd = m.Update(msg)
		m = next.(Model)
		if len(m.report.Policies) != 0 {
			t.Fatal("the loaded policy was evaluated inside Update")
		}
		m = run(t, m, cmd)
	}
	if len(m.report.Policies) != 1 {
		t.Fatalf("after the commands: %d policy results, want 1", len(m.report.Policies))
	}
}

// TestIsTimer: the test helper leaves out exactly the waiting commands.
func TestIsTimer(t *testing.T) {
	m := New(Config{Renderer: asciiRenderer(), Now: fixedNow})
	if !isTimer(tickCmd()) || !isTimer(m.spin.Tick) {
		t.Error("the clock or the spinner is not recognised as a timer")
	}
	_, spun := m.spin.Update(m.spin.Tick())
	if !isTimer(spun) {
		t.Error("the spinner's next frame is not recognised as a timer")
	}
	if isTimer(previewCmd(1, []byte("x"), inspect.NewSession(inspect.Options{}))) || isTimer(exportCmd(nil, 0)) {
		t.Error("a command doing work is taken for a timer")
	}
}
