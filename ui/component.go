package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// component is one pane of the inspector, in the manner of soft-serve's
// common.Component: its own keys, what they do, how it draws its body and
// how big its scrolling text is. Adding a pane is one file implementing
// it, plus its constant and name in app.go and its line in
// component(pane); the tabs line and the number keys follow from Tab
// (DefaultKeyMap's "1-5" binding names the keys there are).
//
// The state the panes read stays in the Model: they share it (the claim
// selection is the list's cursor and the detail's subject, and y, Y, [ ]
// act on it from any pane) and Bubble Tea passes the Model by value, so
// one copy of it is the simplest thing that stays consistent. A component
// is therefore stateless and is handed the Model.
type component interface {
	// KeyMap is the pane's own bindings, as the footer and the help
	// show them, before the keys every pane shares.
	KeyMap(k KeyMap) []key.Binding
	// Update handles a key that means something of the pane's own;
	// handled false gives it to the keys every pane shares. The Model
	// goes in and out by value, as in Bubble Tea: a pointer through an
	// interface would move every Model to the heap (BenchmarkUpdateKey:
	// 21% more memory a key press that way).
	Update(m Model, msg tea.KeyMsg) (next Model, cmd tea.Cmd, handled bool)
	// View draws the pane's body in w×h cells.
	View(m Model, w, h int) string
	// Content writes the pane's scrolling text (m.vp), before wrapping.
	Content(m Model, b *strings.Builder)
	// TextSize is the size of the scrolling text in a body of w×h cells
	// (soft-serve's SetSize; a component holds no size of its own).
	TextSize(m Model, w, h int) (textW, textH int)
	// Tab is the name on the pane's tab (numbered in pane order, which is
	// also the 1-5 keys' order); "" for a pane that shows under the tab
	// before it, as the claim detail does under Claims, and for the
	// errors pane, whose unnumbered tab tabsLine draws first. Whether it
	// is "" may not depend on m: tabOf and nthTab ask with a zero Model.
	Tab(m Model) string
}

// component is the pane's implementation.
func (p pane) component() component {
	switch p {
	case paneClaims:
		return claimsPane{}
	case paneDetail:
		return detailPane{}
	case paneHeader:
		return headerPane{}
	case paneSignature:
		return signaturePane{}
	case panePolicies:
		return policiesPane{}
	case paneErrors:
		return errorsPane{}
	case paneCompare:
		return comparePane{}
	default:
		return rawPane{}
	}
}

// tabOf is the pane whose tab p shows under.
func tabOf(p pane) pane {
	if p == paneErrors || p == paneCompare {
		return p // its own tab, unnumbered (errorsPane.Tab), or none
	}
	for p > 0 && p.component().Tab(Model{}) == "" {
		p--
	}
	return p
}

// nthTab is the pane of the n-th tab, counting from 0; the last for n
// past the end.
func nthTab(n int) pane {
	last := pane(0)
	for p := range paneCount {
		if p.component().Tab(Model{}) == "" {
			continue
		}
		if last = p; n == 0 {
			break
		}
		n--
	}
	return last
}

// textPane is a pane that is only scrolling text: embedded, it gives the
// defaults, and the pane writes its Content.
type textPane struct{}

func (textPane) KeyMap(KeyMap) []key.Binding                         { return nil }
func (textPane) Update(m Model, _ tea.KeyMsg) (Model, tea.Cmd, bool) { return m, nil, false }
func (textPane) View(m Model, _, _ int) string                       { return m.paneView() }
func (textPane) TextSize(_ Model, w, h int) (int, int)               { return w - 1, h }

// tokenContent writes a token pane's text, or, without a token, the
// problems, which are all these panes then have to show.
func tokenContent(m Model, b *strings.Builder, write func(Model, *strings.Builder)) {
	if m.report.Token == nil {
		m.errorsView(b)
		return
	}
	write(m, b)
}

// described is b with other help text: the same key means something of
// each pane's own (y copies a claim's value, a policy's name, the token).
func described(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}
