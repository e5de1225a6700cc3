package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every binding of the inspector; help.Model reads its short and
// full help from it.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Next, Prev, Views                       key.Binding
	Open, Back                              key.Binding
	Filter                                  key.Binding
	Copy, CopyCondition                     key.Binding
	PrevCondition, NextCondition            key.Binding
	Export, ExportIDs                       key.Binding
	LoadPolicy, NewToken, Refetch           key.Binding
	Help, Quit                              key.Binding
}

// DefaultKeyMap is the binding set the README documents.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:            b("↑/k", "up", "up", "k"),
		Down:          b("↓/j", "down", "down", "j"),
		PageUp:        b("pgup", "page up", "pgup", "ctrl+b"),
		PageDown:      b("pgdn", "page down", "pgdown", "ctrl+f", " "),
		Top:           b("g/home", "top", "g", "home"),
		Bottom:        b("G/end", "bottom", "G", "end"),
		Next:          b("tab", "next pane", "tab"),
		Prev:          b("shift+tab", "prev pane", "shift+tab"),
		Views:         b("1-5", "views", "1", "2", "3", "4", "5"),
		Open:          b("enter", "open", "enter"),
		Back:          b("esc", "back", "esc"),
		Filter:        b("/", "filter claims", "/"),
		Copy:          b("y", "copy value", "y"),
		CopyCondition: b("Y", "copy condition", "Y"),
		PrevCondition: b("[", "prev condition", "["),
		NextCondition: b("]", "next condition", "]"),
		Export:        b("x", "copy report, signature redacted", "x"),
		ExportIDs:     b("X", "copy report, IDs redacted too", "X"),
		LoadPolicy:    b("p", "load policy", "p"),
		NewToken:      b("n", "new token", "n"),
		Refetch:       b("r", "re-fetch keys", "r"),
		Help:          b("?", "help", "?"),
		Quit:          b("q", "quit", "q", "ctrl+c"),
	}
}

// ShortHelp is the one-line help under the inspector.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Next, k.Open, k.Filter, k.Copy, k.CopyCondition, k.Help, k.Quit}
}

// FullHelp is the `?` screen, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Next, k.Prev, k.Views, k.Open, k.Back, k.Filter},
		{k.Copy, k.CopyCondition, k.PrevCondition, k.NextCondition, k.Export, k.ExportIDs},
		{k.LoadPolicy, k.NewToken, k.Refetch, k.Help, k.Quit},
	}
}
