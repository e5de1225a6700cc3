package cli

import (
	"os"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// TestTUIRendererReusesTheBackgroundAnswer: the inspector's renderer
// takes the background Bubble Tea's init asked stdout for only when it
// would have asked the same terminal with the same variables.
func TestTUIRendererReusesTheBackgroundAnswer(t *testing.T) {
	t.Setenv("TERM", "xterm-256color")
	t.Setenv("COLORFGBG", "")
	t.Setenv("CI", "")
	if !sameBackgroundQuery(os.Stdout, os.Getenv) {
		t.Error("stdout with the process's environment: not reused")
	}
	// The renderer takes the default renderer's answer: set it to what a
	// query of a file that is no terminal would never give (dark).
	defaultDark := lipgloss.HasDarkBackground()
	t.Cleanup(func() { lipgloss.SetHasDarkBackground(defaultDark) })
	lipgloss.SetHasDarkBackground(!defaultDark)
	if got := tuiRenderer(os.Stdout, os.Getenv).HasDarkBackground(); got != !defaultDark {
		t.Errorf("the renderer on stdout says dark=%v, not the answer Bubble Tea's init got (%v)", got, !defaultDark)
	}
	other, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if sameBackgroundQuery(other, os.Getenv) {
		t.Error("another file: reused")
	}
	for _, k := range []string{"TERM", "COLORFGBG", "CI"} {
		differs := func(name string) string {
			if name == k {
				return "screen;15"
			}
			return os.Getenv(name)
		}
		if sameBackgroundQuery(os.Stdout, differs) {
			t.Errorf("%s differs from the process's: reused", k)
		}
	}
}
