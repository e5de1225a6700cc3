package ui

import (
	"strings"
	"testing"
)

// TestFocusShowsWithoutColour: with no colour (the tests' renderer is
// NO_COLOR's Ascii profile), moving the focus from the claims list to the
// claim's detail beside it changes something on screen besides the
// footer: bold and colour do not survive NO_COLOR.
func TestFocusShowsWithoutColour(t *testing.T) {
	m := plainDemo(t, 140, 30)
	if !m.wide() {
		t.Fatal("140 columns should show the list and the detail side by side")
	}
	body := func(m Model) string {
		lines := strings.Split(m.View(), "\n")
		return strings.Join(lines[:len(lines)-1], "\n")
	}
	list := body(m)
	m = keys(t, m, "tab")
	if m.pane != paneDetail {
		t.Fatalf("tab moved the focus to pane %v, not the detail", m.pane)
	}
	if detail := body(m); detail == list {
		t.Errorf("with the detail focused, only the footer changed:\n%s", detail)
	}
}
