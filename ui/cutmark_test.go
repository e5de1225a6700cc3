package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestCutValuesAreMarked: a line of the scrolling pane wider than the
// pane (a value Fit keeps whole: a workflow ref, a principalSet member)
// ends in … where the pane cuts it, and, scrolled sideways, starts with …
// where text is hidden to its left: a cut is never silent. Checked on a
// claim's detail beside the list at 100 columns, and on an opened Google
// Cloud policy's "instead" block at 60 columns, every screenful.
func TestCutValuesAreMarked(t *testing.T) {
	t.Run("claim detail at 100 columns", func(t *testing.T) {
		m := plainDemo(t, 100, 30)
		m = selectClaim(t, m, "job_workflow_ref")
		if !m.wide() {
			t.Fatal("100 columns should show the detail beside the list")
		}
		paneOf := func(l string) string {
			_, after, _ := strings.Cut(l, "│ ")
			return after
		}
		n := checkCutsMarked(t, m, paneOf)
		m = keys(t, m, "tab", "right")
		n += checkCutsMarked(t, m, paneOf)
		if n == 0 {
			t.Fatal("no line of the detail is wider than the pane: the case tests nothing")
		}
	})
	t.Run("instead block at 60 columns", func(t *testing.T) {
		s, failures := inspect.NewSession(demoOptions(t)).WithPolicyFiles(filepath.Join("..", "fixtures", "policies", "gcp", "octo-repo-prod.json"))
		if len(failures) > 0 {
			t.Fatal(failures)
		}
		m, _ := newTestModel(t, s, demoToken(t), 60, 30)
		m = keys(t, m, "4", "enter")
		if !m.policyOpen {
			t.Fatal("the policy did not open")
		}
		whole := func(l string) string { return l }
		n := 0
		for range 40 {
			n += checkCutsMarked(t, m, whole)
			if m.vp.AtBottom() {
				break
			}
			m = keys(t, m, "pgdown")
		}
		if n == 0 {
			t.Fatal("no line of the opened policy is wider than the pane: the case tests nothing")
		}
		if !strings.Contains(m.paneContent(m.vp.Width), "principalSet://") {
			t.Error("the opened policy offers no principalSet member: the case lost its longest value")
		}
	})
}

// checkCutsMarked compares the pane's lines on screen (paneOf picks them
// out of the view's body lines) with the text they show, and returns how
// many were cut.
func checkCutsMarked(t *testing.T, m Model, paneOf func(string) string) int {
	t.Helper()
	content := strings.Split(m.paneContent(m.vp.Width), "\n")
	body := strings.Split(m.View(), "\n")[2:]
	w := m.vp.Width
	x := 0
	if m.vp.HorizontalScrollPercent() > 0 {
		longest := 0
		for _, l := range content {
			longest = max(longest, ansi.StringWidth(l))
		}
		x = min(w/2, longest-w)
	}
	cut := 0
	for i := 0; i < m.vp.Height && m.vp.YOffset+i < len(content) && i < len(body); i++ {
		full := content[m.vp.YOffset+i]
		shown := strings.TrimRight(paneOf(body[i]), " ")
		if ansi.StringWidth(full) > x+w {
			cut++
			if !strings.HasSuffix(shown, "…") {
				t.Errorf("line cut at the pane's edge without …:\n  shown %q\n  whole %q", shown, ansi.Strip(full))
			}
		}
		if x > 0 && strings.TrimSpace(ansi.Strip(ansi.Cut(full, 0, x))) != "" {
			cut++
			if !strings.HasPrefix(strings.TrimLeft(paneOf(body[i]), ""), "…") {
				t.Errorf("line scrolled sideways without … on its left:\n  shown %q\n  whole %q", shown, ansi.Strip(full))
			}
		}
	}
	return cut
}
