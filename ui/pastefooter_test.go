package ui

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestPasteFooterAfterOpenPrompt: the paste screen's keys stay listed
// once ctrl+o's file prompt closes, with esc or after a file; on a fresh
// start the footer is the one place that says esc quits. Every frame is
// the screen's height: Bubble Tea v1's renderer, when a frame came back
// one line shorter (the prompt gone), erased the footer in the terminal
// though the frame held it.
func TestPasteFooterAfterOpenPrompt(t *testing.T) {
	s := inspect.NewSession(demoOptions(t))
	for _, close := range [][]string{{"esc"}, {"n", "o", "enter"}} {
		m, _ := newTestModel(t, s, nil, 100, 30)
		contains(t, m.View(), "ctrl+o open a file")
		m = keys(t, m, "ctrl+o")
		if n := strings.Count(m.View(), "\n") + 1; n != 30 {
			t.Errorf("the frame with the prompt has %d lines, not the screen's 30", n)
		}
		m = keys(t, m, close...)
		contains(t, m.View(), "ctrl+o open a file")
		if n := strings.Count(m.View(), "\n") + 1; n != 30 {
			t.Errorf("after %v the frame has %d lines, not the screen's 30", close, n)
		}
	}
}
