package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every binding of the inspector; help.Model reads its short and
// full help from it.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Left, Right                             key.Binding
	Next, Prev, Views                       key.Binding
	Open, Back                              key.Binding
	Filter                                  key.Binding
	Copy, CopyCondition                     key.Binding
	PrevCondition, NextCondition            key.Binding
	Export, ExportIDs                       key.Binding
	LoadPolicy, UnloadPolicy                key.Binding
	NewToken, Refetch                       key.Binding
	Edit, Undo, Compare                     key.Binding // the what-if
	AddClaim, DeleteClaim                   key.Binding
	WhoCanAssume                            key.Binding
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
		Left:          b("←", "scroll left", "left"),
		Right:         b("→", "scroll right", "right"),
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
		LoadPolicy:    b("p", "load policy (file or folder)", "p"),
		UnloadPolicy:  b("d", "unload policy", "d"),
		NewToken:      b("n", "new token", "n"),
		Refetch:       b("r", "re-fetch keys", "r"),
		Edit:          b("e", "edit claim (what-if)", "e"),
		Undo:          b("u", "undo edit", "u"),
		AddClaim:      b("a", "add claim (what-if)", "a"),
		DeleteClaim:   b("del", "delete claim (what-if)", "delete"),
		Compare:       b("=", "real vs edited", "="),
		WhoCanAssume:  b("w", "who can assume this", "w"),
		Help:          b("?", "help", "?"),
		Quit:          b("q", "quit", "q", "ctrl+c"),
	}
}

// ShortHelp is the keys every pane shares in the one-line help under the
// inspector, after the focused pane's own (helpKeys).
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Next, k.Filter, k.Help, k.Quit}
}

// FullHelp is the keys every pane shares on the ? screen, in groups, after
// the focused pane's own.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.sideways()},
		{k.Next, k.Prev, k.Views, k.Back, k.Filter},
		{k.Export, k.ExportIDs, k.LoadPolicy, k.NewToken, k.Refetch, k.Help, k.Quit},
	}
}

// sideways is ← and → as one entry of the help: they scroll a value wider
// than the pane, which is never wrapped inside (issue 16, item 7).
func (k KeyMap) sideways() key.Binding {
	return key.NewBinding(key.WithKeys(append(k.Left.Keys(), k.Right.Keys()...)...), key.WithHelp("←/→", "scroll sideways"))
}

// helpKeys is what help.Model reads for the inspector: the focused pane's
// keys (its component's KeyMap), then the ones every pane shares.
// sideways says ←/→ in the short help: the text shown is wider than its
// pane. whatIf is the pane's what-if keys (e, u, =), kept apart: the
// help lists them in a section of their own, the footer only where they
// fit beside the pane's other keys (u and = only while editing, = also
// after a second token; a and del in the help only). w (who can assume)
// edits no claim: it is the Policies pane's own key.
type helpKeys struct {
	pane     []key.Binding
	whatIf   []key.Binding
	footerIf []key.Binding // the what-if keys the footer may show
	global   KeyMap
	sideways bool
	noToken  bool // a pasted error alone: no claim to filter, edit or copy
	// claims: a claim pane has the focus; the footer offers / (filter
	// claims) there only, the help everywhere (it moves to the claims).
	claims bool
}

func (m Model) helpKeys() helpKeys {
	h := helpKeys{global: m.keys, sideways: m.scrollsSideways(), claims: m.pane == paneClaims || m.pane == paneDetail}
	if m.report != nil && m.report.Token == nil {
		h.noToken = true
		return h
	}
	k := m.keys
	all := paneKeys(m, k)
	// One array for the three lists: the footer is drawn on every frame.
	buf := make([]key.Binding, 0, 2*len(all))
	h.pane = all[:0] // KeyMap's slice is the pane's own: filtered in place
	for _, b := range all {
		switch b.Keys()[0] {
		case k.Compare.Keys()[0]:
			if m.comparison().previousTokens {
				b = described(b, "previous vs this token")
			}
			buf = append(buf, b)
		case k.Edit.Keys()[0], k.AddClaim.Keys()[0], k.DeleteClaim.Keys()[0], k.Undo.Keys()[0]:
			buf = append(buf, b)
		default:
			h.pane = append(h.pane, b)
		}
	}
	h.whatIf = buf
	for _, b := range h.whatIf {
		switch b.Keys()[0] {
		case k.Edit.Keys()[0]:
			buf = append(buf, b)
		case k.Undo.Keys()[0]:
			if m.whatIf.real != nil {
				buf = append(buf, b) // only while editing
			}
		case k.Compare.Keys()[0]:
			if m.canCompare() {
				buf = append(buf, b)
			}
		}
		// a and del: the help's what-if section; the footer has no room.
	}
	h.footerIf = buf[len(h.whatIf):]
	return h
}

// stateKeys is a component whose keys depend on what it shows (an
// opened policy has keys its list has not).
type stateKeys interface {
	KeyMapNow(m Model, k KeyMap) []key.Binding
}

// paneKeys is the focused pane's keys as it is now.
func paneKeys(m Model, k KeyMap) []key.Binding {
	c := m.pane.component()
	if s, ok := c.(stateKeys); ok {
		return s.KeyMapNow(m, k)
	}
	return c.KeyMap(k)
}

func (h helpKeys) ShortHelp() []key.Binding {
	if h.noToken {
		k := h.global
		out := []key.Binding{k.Up, k.NewToken, k.LoadPolicy, k.Help, k.Quit}
		if h.sideways {
			out = append([]key.Binding{k.sideways()}, out...)
		}
		return out
	}
	out := append([]key.Binding(nil), h.pane...)
	if h.sideways {
		out = append(out, h.global.sideways())
	}
	for _, b := range h.global.ShortHelp() {
		if h.claims || b.Keys()[0] != h.global.Filter.Keys()[0] {
			out = append(out, b)
		}
	}
	return out
}

func (h helpKeys) FullHelp() [][]key.Binding {
	return append([][]key.Binding{h.pane, h.whatIf}, h.shared()...)
}

// shared is the groups of keys every pane shares; without a token, only
// those that act: no pane to switch to, no claim to filter, no report to
// copy, no key to fetch.
func (h helpKeys) shared() [][]key.Binding {
	if h.noToken {
		k := h.global
		return [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.sideways()},
			{k.LoadPolicy, k.NewToken, k.Help, k.Quit},
		}
	}
	return h.global.FullHelp()
}
