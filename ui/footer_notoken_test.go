package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestFooterWithoutToken: with no token (a pasted error alone), the
// footer offers what can be done — scroll, paste another, load a policy —
// not the claims filter, the what-if or the pane keys, which have nothing
// to act on.
func TestFooterWithoutToken(t *testing.T) {
	m, _ := newTestModel(t, demoWithEntra(t), nil, 100, 30)
	m = pasted(t, m, entraSubjectError("repo:octo-org/octo-repo:ref:refs/heads/main"))
	m = keys(t, m, "enter")
	if m.report == nil || m.report.Token != nil {
		t.Fatal("enter did not inspect the error")
	}
	footer := ansi.Strip(m.footer())
	for _, unwanted := range []string{"filter claims", "edit claim", "who can assume"} {
		if strings.Contains(footer, unwanted) {
			t.Errorf("the footer offers %q without a token: %q", unwanted, footer)
		}
	}
	for _, want := range []string{"new token", "load policy", "help", "quit"} {
		if !strings.Contains(footer, want) {
			t.Errorf("the footer lacks %q: %q", want, footer)
		}
	}
}

// TestNoTokenListsOnlyWorkingKeys: with no token (a pasted error alone)
// the panes' tabs and the keys that switch between them (tab, 1-5) do
// nothing, so neither the tabs line nor the help lists them; nor the
// help the keys that act on a token.
func TestNoTokenListsOnlyWorkingKeys(t *testing.T) {
	m, _ := newTestModel(t, demoWithEntra(t), nil, 100, 30)
	m = pasted(t, m, entraSubjectError("repo:octo-org/octo-repo:ref:refs/heads/main"))
	m = keys(t, m, "enter")
	if m.report == nil || m.report.Token != nil {
		t.Fatal("enter did not inspect the error")
	}
	tabs := ansi.Strip(m.tabsLine())
	if !strings.Contains(tabs, "Errors") {
		t.Errorf("the tabs line lacks the errors tab: %q", tabs)
	}
	for _, tab := range []string{"1 Claims", "2 Header", "4 Policies", "5 Raw"} {
		if strings.Contains(tabs, tab) {
			t.Errorf("the tabs line lists %q without a token: %q", tab, tabs)
		}
	}
	help := ansi.Strip(keys(t, m, "?").View())
	for _, unwanted := range []string{"next pane", "prev pane", "views", "filter claims", "copy report", "re-fetch keys"} {
		if strings.Contains(help, unwanted) {
			t.Errorf("the help lists %q without a token:\n%s", unwanted, help)
		}
	}
	for _, want := range []string{"new token", "load policy", "quit"} {
		if !strings.Contains(help, want) {
			t.Errorf("the help lacks %q:\n%s", want, help)
		}
	}
}
