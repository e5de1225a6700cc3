package report

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/providererrors"
	"github.com/oidcscope/oidcscope/report/view"
)

func plainRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(&strings.Builder{})
	r.SetColorProfile(termenv.Ascii)
	return r
}

func TestErrorEntryShowsTheWholeEntry(t *testing.T) {
	es := providererrors.Lookup("AADSTS700213")
	if len(es) != 1 {
		t.Fatalf("Lookup: %d entries", len(es))
	}
	var b strings.Builder
	if err := ErrorEntry(&b, es[0], plainRenderer()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"AADSTS700213 · Entra", es[0].Title, es[0].Meaning, "What to check", "  1. ", "Source: ", "claims   sub"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

// A pasted message is hostile: its quoted text and values reach the
// terminal escaped.
func TestFoundErrorsEscapeThePaste(t *testing.T) {
	found := providererrors.Find("AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:o/r:\u202eenvironment:prod\x07'.")
	if len(found) != 1 {
		t.Fatalf("found %d", len(found))
	}
	var b strings.Builder
	writeFoundError(&b, newPalette(plainRenderer()), view.FoundErrorOf(found[0]))
	out := b.String()
	if strings.ContainsAny(out, "\u202e\x07") {
		t.Errorf("control or bidi characters reached the output:\n%q", out)
	}
	for _, want := range []string{"line 1: ", "It carries", "sub", `\u202e`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}
