package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// A value Fit keeps whole (an ARN, a link, a principalSet member) may be
// wider than the scrolling pane, which cuts it at its edge; ←/→ scroll
// sideways to the rest. The cut is marked, as the lists mark theirs: a …
// in the last column where a line goes on to the right, and in the first
// where it began to the left. y and Y copy the whole text, never this.

// paneView is the scrolling pane as the viewport draws it, its cuts
// marked.
func (m Model) paneView() string {
	out := m.vp.View()
	w := m.vp.Width
	if !m.vpWider || w < 3 {
		return out
	}
	lines := strings.Split(out, "\n")
	for i := range lines {
		j := m.vp.YOffset + i
		if j >= len(m.vpLines) {
			break
		}
		if l, ok := markCuts(m.vpLines[j], m.vpX, w); ok {
			lines[i] = l
		}
	}
	return strings.Join(lines, "\n")
}

// markCuts is the w columns of line from x on, with … where text goes on
// past either edge; ok is false when nothing is cut.
func markCuts(line string, x, w int) (string, bool) {
	left := x > 0 && strings.TrimSpace(ansi.Strip(ansi.Cut(line, 0, x))) != ""
	right := ansi.StringWidth(line) > x+w
	if !left && !right {
		return "", false
	}
	from, to := x, x+w
	if left {
		from++
	}
	if right {
		to--
	}
	seg := ansi.Cut(line, from, to)
	seg += strings.Repeat(" ", max(to-from-ansi.StringWidth(seg), 0))
	if left {
		seg = "…" + seg
	}
	if right {
		seg += "…"
	}
	return seg, true
}

// scrollSideways moves the pane's text by n columns (left when negative),
// within its widest line, as the viewport does.
func (m *Model) scrollSideways(n int) {
	m.vpX = min(max(m.vpX+n, 0), max(m.vpLongest-m.vp.Width, 0))
	m.vp.SetXOffset(m.vpX)
}
