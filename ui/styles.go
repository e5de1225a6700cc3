package ui

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/oidcscope/oidcscope/report/view"
)

// Styles are the shared palette (view.Palette, in the adaptive scheme:
// the inspector owns the screen) and what only a full-screen program
// draws: the selection, the tabs, the pane borders. They are built from
// the renderer the program writes to, so colour detection (NO_COLOR,
// 16/256/true colour, a test's Ascii profile) follows that output and
// nothing is global.
type Styles struct {
	view.Palette
	Selected, Cursor  lipgloss.Style
	Tab, TabActive    lipgloss.Style
	Pane, PaneFocused lipgloss.Style
	Status, Error     lipgloss.Style
}

// NewStyles builds the palette for r.
func NewStyles(r *lipgloss.Renderer) Styles {
	sc := view.AdaptiveScheme
	s := r.NewStyle
	border := s().Border(lipgloss.RoundedBorder()).BorderForeground(sc.Dim)
	return Styles{
		Palette:     view.NewPalette(r, sc),
		Selected:    s().Background(sc.Selection).Bold(true),
		Cursor:      s().Foreground(sc.Accent).Bold(true),
		Tab:         s().Foreground(sc.Dim).Padding(0, 1),
		TabActive:   s().Bold(true).Foreground(sc.Accent).Underline(true).Padding(0, 1),
		Pane:        border,
		PaneFocused: border.BorderForeground(sc.Accent),
		Status:      s().Bold(true),
		Error:       s().Foreground(sc.Fail),
	}
}
