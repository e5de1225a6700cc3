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
	Session inspect.Session
	// Input opens the inspector on this token; nil opens the paste screen.
	Input []byte
	// DemoSession and DemoToken back the paste screen's demo offer: the
	// demo keys and sample policies, and a freshly signed demo token.
	DemoSession *inspect.Session
	DemoToken   func(now time.Time) ([]byte, error)
	// Renderer decides the colour profile (NO_COLOR, 16/256/true colour).
	Renderer *lipgloss.Renderer
	// Now is the clock of the expiry countdown; nil is time.Now.
	Now func() time.Time
	// Clipboard receives OSC 52 sequences; nil discards them.
	Clipboard io.Writer
	// Getenv tells tmux and screen apart for OSC 52; nil is os.Getenv.
	Getenv func(string) string
	// ReadFile opens token files from the paste screen; nil is os.ReadFile.
	ReadFile func(string) ([]byte, error)
	// Title notes where the session comes from, e.g. "demo".
	Title string
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
	if c.Getenv == nil {
		c.Getenv = os.Getenv
	}
	if c.ReadFile == nil {
		c.ReadFile = os.ReadFile
	}
}
