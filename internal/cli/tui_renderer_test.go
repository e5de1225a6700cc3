package cli

import (
	"os"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestTUIRendererIsTheDefault: the inspector's renderer takes its colour
// profile from the environment it is given, and is the default renderer
// the bubbles components draw with, so they never ask the terminal
// themselves.
func TestTUIRendererIsTheDefault(t *testing.T) {
	before := lipgloss.DefaultRenderer()
	t.Cleanup(func() { lipgloss.SetDefaultRenderer(before) })
	out, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	getenv := func(k string) string {
		return map[string]string{"TERM": "xterm-256color", "NO_COLOR": "1"}[k]
	}
	r := tuiRenderer(out, getenv)
	if lipgloss.DefaultRenderer() != r {
		t.Error("the inspector's renderer is not the default one")
	}
	if got := r.ColorProfile(); got != termenv.Ascii {
		t.Errorf("with NO_COLOR the profile is %v, want Ascii", got)
	}
}
