package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/report/view"
)

// listRows draws the rows of a list pane (the claims, the policies) from
// off in w×h cells: the cursor on sel, ▸ and styled while the list has
// the focus, a hollow ▹ while the pane beside it has (a shape, not only a
// style: NO_COLOR draws no bold), each row cut to w with …, and blank
// lines below the last.
func (m Model) listRows(n, off, sel int, focused bool, w, h int, row func(i int) string) string {
	lines := make([]string, 0, h)
	for i := off; i < n && len(lines) < h; i++ {
		cursor := "  "
		if i == sel {
			cursor = "▹ "
			if focused {
				cursor = m.st.Cursor.Render("▸ ")
			}
		}
		lines = append(lines, ansi.Truncate(cursor+row(i), w, "…"))
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// emptyList is a list pane with nothing to list: why, dimmed, in w×h
// cells, wrapped only at spaces (lipgloss alone would cut "octo-sts" at
// its hyphen).
func (m Model) emptyList(w, h int, why string) string {
	lines := view.Fit([]string{m.st.Dim.Render(why)}, w)
	return lipgloss.NewStyle().Width(w).Height(h).Render(strings.Join(lines, "\n"))
}
