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
