package policytest

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/shellquote/shelltest"
)

// CheckCommandsRun pastes the tool commands printed in lines (a
// suggestion's notes, a condition's diagnosis) into bash, as a person
// copies them from the text report, after fill (nil for none) has put
// in what the person fills in. It fails the test unless the tool runs
// exactly once per entry of want, with those arguments, and nothing else
// runs; with want empty, no command may be printed. Either way some line
// must contain mention, so that the text still says what to run when a
// hostile value leaves a command out.
func CheckCommandsRun(t testing.TB, lines []string, tool string, fill func(string) string, mention string, want ...[]string) {
	t.Helper()
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, mention) }) {
		t.Errorf("no line says %q any more: %q", mention, lines)
	}
	cmds := shelltest.Commands(lines, tool)
	if len(cmds) != len(want) {
		t.Fatalf("found commands %q in %q, want %d", cmds, lines, len(want))
	}
	if len(cmds) == 0 {
		return
	}
	script := strings.Join(cmds, "\n")
	if fill != nil {
		script = fill(script)
	}
	if calls := shelltest.Run(t, script, tool); !slices.EqualFunc(calls, want, slices.Equal) {
		t.Errorf("%s\nran %s with %q, want %q", script, tool, calls, want)
	}
}
