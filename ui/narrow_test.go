package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func lastLine(s string) string { return s[strings.LastIndexByte(s, '\n')+1:] }

// TestKeysThatArriveTogether: keys read in one go (jj typed fast, or
// held down over SSH) each act (issue 16, item 9).
func TestKeysThatArriveTogether(t *testing.T) {
	m := plainDemo(t, 100, 30)
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jjj")})
	if m.claimSel != 3 {
		t.Errorf("jjj in one read moved the cursor to %d, want 3", m.claimSel)
	}
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("kj3")})
	if m.claimSel != 3 || m.pane != paneSignature {
		t.Errorf("kj3 in one read: claim %d pane %s, want 3 and the Signature pane", m.claimSel, paneNames[m.pane])
	}
	// While filtering they are text, all of them.
	m = keys(t, m, "1", "/")
	m = send(t, m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("repo")})
	if got := m.filter.Value(); got != "repo" {
		t.Errorf("the filter got %q", got)
	}
}

// TestFooterKeepsHelpAndFilter: at 80 and 60 columns the footer keeps
// "? help • q quit" and shows the filter in force, which the tabs line
// cuts off (issue 16, item 9).
func TestFooterKeepsHelpAndFilter(t *testing.T) {
	for _, w := range []int{60, 80} {
		m := plainDemo(t, w, 24)
		m = keys(t, m, "/")
		m = typeText(t, m, "repo")
		m = keys(t, m, "enter")
		for _, pane := range []string{"1", "enter"} {
			m = keys(t, m, pane)
			foot := lastLine(m.View())
			for _, want := range []string{"/repo", "? help • q quit"} {
				if !strings.Contains(foot, want) {
					t.Errorf("%d columns, %s: footer %q lacks %q", w, paneNames[m.pane], foot, want)
				}
			}
		}
	}
}

// TestShortHelpSaysMore: help taller than the screen says there is more
// below, until the end shows (issue 16, item 9).
func TestShortHelpSaysMore(t *testing.T) {
	m := plainDemo(t, 60, 20)
	m = keys(t, m, "?")
	if foot := lastLine(m.View()); !strings.Contains(foot, "more") {
		t.Errorf("60×20 help, cut: footer %q gives no hint of more", foot)
	}
	m = keys(t, m, "G")
	if foot := lastLine(m.View()); strings.Contains(foot, "more") {
		t.Errorf("help scrolled to its end: footer %q still says more", foot)
	}
	if !strings.Contains(m.View(), "On the paste screen") {
		t.Error("G did not scroll the help to its end")
	}
}

// TestConditionKeysScrollToIt: [ and ] bring the chosen condition into
// view in the claim detail, narrow or wide (issue 16, item 9).
func TestConditionKeysScrollToIt(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}, {120, 24}} {
		m := plainDemo(t, size[0], size[1])
		m = selectClaim(t, m, "repository_id")
		if size[0] < wideWidth {
			m = keys(t, m, "enter")
		}
		n := len(m.selectedClaim().WouldSatisfy)
		if n < 3 {
			t.Fatalf("repository_id satisfies %d conditions", n)
		}
		for i := 1; i < n; i++ {
			m = keys(t, m, "]")
			if !strings.Contains(m.vp.View(), "▸ ") {
				t.Fatalf("%dx%d: after %d × ], the ▸ condition is out of view:\n%s", size[0], size[1], i, m.View())
			}
		}
		for i := n - 2; i >= 0; i-- {
			m = keys(t, m, "[")
			if !strings.Contains(m.vp.View(), "▸ ") {
				t.Fatalf("%dx%d: back at condition %d, the ▸ condition is out of view:\n%s", size[0], size[1], i, m.View())
			}
		}
	}
}
