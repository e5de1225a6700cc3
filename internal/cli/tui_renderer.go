package cli

import (
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// tuiRenderer is what the terminal inspector draws with on out: the
// colour profile as getenv says (NO_COLOR, COLORTERM, through environ),
// and the terminal's background, asked now, before Bubble Tea takes the
// terminal: asked during the first frame, the answer would race Bubble
// Tea's input reader. This is the program's one question to the terminal
// (Bubble Tea's package init is kept from asking: internal/quietinit).
//
// The renderer also becomes lipgloss's default, which the bubbles
// components' own styles (the filter's placeholder, the help) draw with,
// so they take the same profile and answer instead of asking mid-program.
func tuiRenderer(out *os.File, getenv env) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(out, termenv.WithEnvironment(environ(getenv)))
	r.HasDarkBackground()
	lipgloss.SetDefaultRenderer(r)
	return r
}
