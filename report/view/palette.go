package view

import "github.com/charmbracelet/lipgloss"

// Scheme is the colours a palette is drawn in, one per role.
type Scheme struct {
	Title, Accent, Dim            lipgloss.TerminalColor
	Pass, Fail, Warn              lipgloss.TerminalColor
	New, Unknown, User, Selection lipgloss.TerminalColor
}

// ANSIScheme is the 16 ANSI colours, which follow the terminal's own
// theme, so the CLI never has to query the terminal for its background.
// Dim is the terminal's faint.
var ANSIScheme = Scheme{
	Title: lipgloss.NoColor{}, Accent: lipgloss.Color("4"), Dim: lipgloss.NoColor{},
	Pass: lipgloss.Color("2"), Fail: lipgloss.Color("1"), Warn: lipgloss.Color("3"),
	New: lipgloss.Color("6"), Unknown: lipgloss.Color("5"), User: lipgloss.Color("5"),
	Selection: lipgloss.Color("7"),
}

// AdaptiveScheme is for the full-screen inspector, which owns the screen:
// colours for light and dark backgrounds, each given for true colour, 256
// and 16 colours, because automatic degradation turns a dark yellow into
// red on 16-colour terminals, and unverified must never look like invalid.
var AdaptiveScheme = Scheme{
	Title:     adaptive("#0969da", "26", "4", "#58a6ff", "75", "12"),
	Accent:    adaptive("#0969da", "26", "4", "#58a6ff", "75", "12"),
	Dim:       adaptive("#6e7781", "243", "8", "#8b949e", "245", "7"),
	Pass:      adaptive("#1a7f37", "28", "2", "#3fb950", "71", "10"),
	Fail:      adaptive("#cf222e", "160", "1", "#f85149", "203", "9"),
	Warn:      adaptive("#9a6700", "136", "3", "#d29922", "178", "11"),
	New:       adaptive("#8250df", "98", "5", "#bc8cff", "141", "13"),
	Unknown:   adaptive("#9a6700", "136", "3", "#d29922", "178", "11"),
	User:      adaptive("#9a6700", "136", "3", "#d29922", "178", "11"),
	Selection: adaptive("#ddf4ff", "195", "7", "#1f3a5f", "24", "4"),
}

func adaptive(lightTrue, light256, light16, darkTrue, dark256, dark16 string) lipgloss.CompleteAdaptiveColor {
	return lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: lightTrue, ANSI256: light256, ANSI: light16},
		Dark:  lipgloss.CompleteColor{TrueColor: darkTrue, ANSI256: dark256, ANSI: dark16},
	}
}

// Palette is the one set of styles the text report and the terminal UI
// draw with. It is built from the renderer the output goes to, so colour
// detection (NO_COLOR, pipes, a test's Ascii profile) follows that output
// and nothing is global.
type Palette struct {
	Title, Label, Dim, Bold    lipgloss.Style
	Pass, Fail, Warn           lipgloss.Style
	Unverified                 lipgloss.Style
	New, Risk, Unknown, Policy lipgloss.Style
	User                       lipgloss.Style
}

// NewPalette builds the palette for r in the colours of sc.
func NewPalette(r *lipgloss.Renderer, sc Scheme) Palette {
	s := r.NewStyle
	dim := s().Foreground(sc.Dim)
	if _, none := sc.Dim.(lipgloss.NoColor); none {
		dim = s().Faint(true)
	}
	return Palette{
		Title:      s().Bold(true).Foreground(sc.Title),
		Label:      s().Foreground(sc.Accent),
		Dim:        dim,
		Bold:       s().Bold(true),
		Pass:       s().Foreground(sc.Pass).Bold(true),
		Fail:       s().Foreground(sc.Fail).Bold(true),
		Warn:       s().Foreground(sc.Warn),
		Unverified: s().Foreground(sc.Warn).Bold(true),
		New:        s().Foreground(sc.New).Bold(true),
		Risk:       s().Foreground(sc.Warn).Bold(true),
		Unknown:    s().Foreground(sc.Unknown).Bold(true),
		Policy:     s().Foreground(sc.Accent),
		User:       s().Foreground(sc.User),
	}
}

// Style is the style of a tone.
func (p Palette) Style(t Tone) lipgloss.Style {
	switch t {
	case TonePass:
		return p.Pass
	case ToneFail:
		return p.Fail
	case ToneWarn:
		return p.Warn
	case ToneUnverified:
		return p.Unverified
	case ToneNew:
		return p.New
	case ToneRisk:
		return p.Risk
	case ToneUnknown:
		return p.Unknown
	case TonePolicy:
		return p.Policy
	case ToneUser:
		return p.User
	}
	return p.Dim
}

// Render draws a mark in its tone.
func (p Palette) Render(m Mark) string { return p.Style(m.Tone).Render(m.Text()) }
