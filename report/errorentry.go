package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/oidcscope/oidcscope/providererrors"
	"github.com/oidcscope/oidcscope/report/view"
)

// ErrorEntry writes one catalogued provider error message for
// `oidcscope explain CODE`.
func ErrorEntry(w io.Writer, e providererrors.Entry, rend *lipgloss.Renderer) error {
	st := newPalette(rend)
	var b strings.Builder
	writeErrorEntry(&b, st, view.ErrorEntryOf(e))
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFoundError is one message found: where, as found, the values it
// carries and its catalogue entry.
func writeFoundError(b *strings.Builder, st view.Palette, f view.FoundError) {
	b.WriteString(st.Dim.Render(fmt.Sprintf("line %d: ", f.Line)) + f.Quoted + "\n")
	if len(f.Values) > 0 {
		b.WriteString(st.Label.Render("It carries") + "\n")
		for _, v := range f.Values {
			b.WriteString("  " + st.Label.Render(v.Label) + strings.Repeat(" ", max(1, 21-len(v.Label))) + v.Value + "\n")
		}
	}
	writeErrorEntry(b, st, f.Entry)
}

func writeErrorEntry(b *strings.Builder, st view.Palette, e view.ErrorEntry) {
	b.WriteString(st.Title.Render(e.Head()) + "  " + e.Title + "\n")
	b.WriteString(st.Dim.Render(e.Text) + "\n\n")
	b.WriteString(e.Meaning + "\n")
	if len(e.Claims) > 0 {
		b.WriteString("  " + st.Label.Render("claims") + "   " + strings.Join(e.Claims, ", ") + "\n")
	}
	if len(e.Fields) > 0 {
		b.WriteString("  " + st.Label.Render("fields") + "   " + strings.Join(e.Fields, ", ") + "\n")
	}
	b.WriteString("\n" + st.Title.Render("What to check") + "\n")
	for i, c := range e.Check {
		b.WriteString(fmt.Sprintf("  %d. %s\n", i+1, c))
	}
	b.WriteString(st.Dim.Render("Source: "+e.Source) + "\n")
}
