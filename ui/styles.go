package ui

import "github.com/charmbracelet/lipgloss"

// palette: a few colours for light and dark backgrounds, each given for
// true colour, 256 and 16 colours, because automatic degradation turns a
// dark yellow into red on 16-colour terminals, and unverified must never
// look like invalid. Meaning never rests on colour alone: every badge also
// carries a word or a symbol.
var (
	colGreen  = colour("#1a7f37", "28", "2", "#3fb950", "71", "10")
	colRed    = colour("#cf222e", "160", "1", "#f85149", "203", "9")
	colYellow = colour("#9a6700", "136", "3", "#d29922", "178", "11")
	colBlue   = colour("#0969da", "26", "4", "#58a6ff", "75", "12")
	colPurple = colour("#8250df", "98", "5", "#bc8cff", "141", "13")
	colDim    = colour("#6e7781", "243", "8", "#8b949e", "245", "7")
	colBorder = colour("#d0d7de", "252", "7", "#30363d", "237", "8")
	colSelect = colour("#ddf4ff", "195", "7", "#1f3a5f", "24", "4")
)

func colour(lightTrue, light256, light16, darkTrue, dark256, dark16 string) lipgloss.CompleteAdaptiveColor {
	return lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: lightTrue, ANSI256: light256, ANSI: light16},
		Dark:  lipgloss.CompleteColor{TrueColor: darkTrue, ANSI256: dark256, ANSI: dark16},
	}
}

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
