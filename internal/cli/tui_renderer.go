package cli

import (
	"os"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// tuiRenderer is what the terminal inspector draws with on out: the
// colour profile as getenv says (NO_COLOR, COLORTERM, through environ).
// Bubble Tea's package init already asked the terminal on stdout for its
// background colour (lipgloss.HasDarkBackground, on the default
// renderer), before the program took the terminal. Asking again from a
// new renderer costs a round trip in the first frame, and races Bubble
// Tea's input reader for the answer, so that answer is reused when it
// holds here: out is that stdout, and the variables termenv reads for the
// background are the ones it read.
func tuiRenderer(out *os.File, getenv env) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(out, termenv.WithEnvironment(environ(getenv)))
	if sameBackgroundQuery(out, getenv) {
		r.SetHasDarkBackground(lipgloss.HasDarkBackground())
	}
	return r
}

// sameBackgroundQuery reports whether the default renderer's background
// answer is the one out and getenv would get: besides the terminal,
// termenv's query reads whether it may ask at all (CI, TERM) and its
// fallback (COLORFGBG).
func sameBackgroundQuery(out *os.File, getenv env) bool {
	if out != os.Stdout {
		return false
	}
	for _, k := range []string{"CI", "TERM", "COLORFGBG"} {
		if getenv(k) != os.Getenv(k) {
			return false
		}
	}
	return true
}
