// Package ui is the terminal inspector: a Bubble Tea program that renders
// the Report the inspect pipeline builds. It decodes, verifies and
// evaluates nothing itself; it asks an inspect.Session and draws the answer.
package ui

import (
	"io"
	"os"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/oidcscope/oidcscope/inspect"
)

// Config is everything the program needs from outside.
type Config struct {
	// Session inspects the tokens the user pastes or opens: the keys,
	// checks and policies the command line gave.
	Session inspect.Session
	// Input opens the inspector on this token; nil opens the paste screen.
	Input []byte
	// InputDemo says Input is the demo's token (--demo): DemoSession
	// inspects it and the title says "demo" until another token comes.
	InputDemo bool
	// DemoSession and DemoToken back the demo: the demo keys and checks,
	// built the first time the demo shows (a user may never open it),
	// and a freshly signed demo token (the paste screen's offer). A token
	// pasted after the demo gets Session, with the policies loaded by then.
	DemoSession func() (inspect.Session, error)
	DemoToken   func(now time.Time) ([]byte, error)
	// DemoSamples returns the demo's session with its sample policies
	// added. Reading them takes longer than drawing a frame, so it runs
	// in the background once, when the demo first shows: until it is done
	// the inspector shows the token, says the policies are loading, and
	// holds the keys pressed meanwhile. nil: DemoSession has them already.
	DemoSamples func(inspect.Session) inspect.Session
	// Renderer decides the colour profile (NO_COLOR, 16/256/true colour).
	Renderer *lipgloss.Renderer
	// Now is the clock of the expiry countdown; nil is time.Now.
	Now func() time.Time
	// Clipboard receives OSC 52 sequences; nil discards them.
	Clipboard io.Writer
	// TmuxBuffer puts copied text into tmux's paste buffer when the
	// program runs inside tmux ($TMUX); nil runs tmux load-buffer -w.
	TmuxBuffer func(text []byte) error
	// Getenv tells tmux and screen apart for copying; nil is os.Getenv.
	Getenv func(string) string
	// ReadFile opens token files from the paste screen; nil is os.ReadFile.
	ReadFile func(string) ([]byte, error)
	// StaticCursor stops the input cursors blinking (tests, screen readers).
	StaticCursor bool
}

func (c *Config) defaults() {
	if c.Renderer == nil {
		c.Renderer = lipgloss.DefaultRenderer()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Clipboard == nil {
		c.Clipboard = io.Discard
	}
	if c.TmuxBuffer == nil {
		c.TmuxBuffer = tmuxLoadBuffer
	}
	if c.Getenv == nil {
		c.Getenv = os.Getenv
	}
	if c.ReadFile == nil {
		c.ReadFile = os.ReadFile
	}
}
