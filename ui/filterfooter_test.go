package ui

import (
	"strings"
	"testing"
)

// TestFilterFooter: while a filter is typed, the footer lists the keys
// that act then (enter keeps it, esc clears it), not the pane's, which
// type into the filter (q gives /q).
func TestFilterFooter(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	m = keys(t, m, "/")
	foot := lastLine(m.View())
	if strings.Contains(foot, "q quit") || strings.Contains(foot, "copy value") || !strings.Contains(foot, "enter") || !strings.Contains(foot, "esc") {
		t.Errorf("footer while filtering: %q", foot)
	}
	m = keys(t, m, "enter")
	if foot := lastLine(m.View()); !strings.Contains(foot, "q quit") {
		t.Errorf("footer after the filter is kept: %q", foot)
	}
}
