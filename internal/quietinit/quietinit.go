// Package quietinit keeps Bubble Tea v1's package init from asking the
// terminal anything. That init calls lipgloss.HasDarkBackground, which,
// when stdout is a terminal, writes a background-colour and a cursor
// query and waits up to 5 seconds for the answer: every command paid it,
// `version` and --json included, and where nothing answers (a pre-commit
// runner, `ssh -tt`, `docker run -t` into a file) the wait was whole and
// the query's bytes landed in the output. Bubble Tea v2 drops the init,
// but moves to another module path; the design keeps v1.
//
// This package's init runs first and sets TERM to "dumb", which termenv
// takes as a terminal that cannot be asked; Restore puts TERM back, as
// the first thing main does. The terminal inspector asks for the
// background itself, before it takes the terminal (internal/cli's
// tuiRenderer), and only it.
//
// Go initialises packages in the order of their import paths among those
// whose imports are initialised. This one imports only os, so it is
// ready as soon as os is, and it sorts before os/signal, which Bubble Tea
// imports: it always runs before Bubble Tea's init. The root package's
// TestNoTerminalQueryOnSilentTerminal checks that on a real terminal.
package quietinit

import "os"

// heldTERM is what Restore puts back. It is written once, by init, before
// main runs, and read once.
var heldTERM = holdTERM()

// holdTERM sets TERM to "dumb" and returns what it was.
func holdTERM() held {
	v, ok := os.LookupEnv("TERM")
	os.Setenv("TERM", "dumb")
	return held{value: v, set: ok}
}

// held is an environment variable's value before it was changed.
type held struct {
	value string
	set   bool
}

// Restore puts TERM back as it was before this package's init. main
// calls it before anything reads the environment, and so does TestMain
// of a test binary that links main.
func Restore() {
	if heldTERM.set {
		os.Setenv("TERM", heldTERM.value)
	} else {
		os.Unsetenv("TERM")
	}
}
