package ui

import "github.com/charmbracelet/lipgloss"

// palette: a few adaptive colours that read on light and dark backgrounds
// and degrade to the 16 ANSI colours. Meaning never rests on colour alone:
// every badge also carries a word or a symbol.
var (
	colGreen  = lipgloss.AdaptiveColor{Light: "#1a7f37", Dark: "#3fb950"}
	colRed    = lipgloss.AdaptiveColor{Light: "#cf222e", Dark: "#f85149"}
	colYellow = lipgloss.AdaptiveColor{Light: "#9a6700", Dark: "#d29922"}
	colBlue   = lipgloss.AdaptiveColor{Light: "#0969da", Dark: "#58a6ff"}
	colPurple = lipgloss.AdaptiveColor{Light: "#8250df", Dark: "#bc8cff"}
	colDim    = lipgloss.AdaptiveColor{Light: "#6e7781", Dark: "#8b949e"}
	colBorder = lipgloss.AdaptiveColor{Light: "#d0d7de", Dark: "#30363d"}
	colSelect = lipgloss.AdaptiveColor{Light: "#ddf4ff", Dark: "#1f3a5f"}
)

// Styles are built from the renderer the program writes to, so colour
// detection (NO_COLOR, 16/256/true colour, a test's Ascii profile) follows
// that output and nothing is global.
type Styles struct {
	Title, Dim, Label, Bold    lipgloss.Style
	Pass, Fail, Warn, Unverify lipgloss.Style
	New, Risk, Unknown, Policy lipgloss.Style
	User                       lipgloss.Style
	Selected, Cursor           lipgloss.Style
	Tab, TabActive             lipgloss.Style
	Pane, PaneFocused          lipgloss.Style
	Status, Error              lipgloss.Style
}

// NewStyles builds the palette for r.
func NewStyles(r *lipgloss.Renderer) Styles {
	s := r.NewStyle
	border := s().Border(lipgloss.RoundedBorder()).BorderForeground(colBorder)
	return Styles{
		Title:       s().Bold(true).Foreground(colBlue),
		Dim:         s().Foreground(colDim),
		Label:       s().Foreground(colBlue),
		Bold:        s().Bold(true),
		Pass:        s().Foreground(colGreen),
		Fail:        s().Foreground(colRed).Bold(true),
		Warn:        s().Foreground(colYellow),
		Unverify:    s().Foreground(colYellow).Bold(true),
		New:         s().Foreground(colPurple).Bold(true),
		Risk:        s().Foreground(colRed),
		Unknown:     s().Foreground(colYellow),
		Policy:      s().Foreground(colBlue),
		User:        s().Foreground(colYellow).Bold(true),
		Selected:    s().Background(colSelect).Bold(true),
		Cursor:      s().Foreground(colBlue).Bold(true),
		Tab:         s().Foreground(colDim).Padding(0, 1),
		TabActive:   s().Bold(true).Foreground(colBlue).Underline(true).Padding(0, 1),
		Pane:        border,
		PaneFocused: border.BorderForeground(colBlue),
		Status:      s().Bold(true),
		Error:       s().Foreground(colRed),
	}
}
