package report

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/report/view"
)

// Entry writes one catalog entry for `oidcscope explain`. The catalog is our
// own data, but it goes through the same styles as everything else.
func Entry(w io.Writer, p *claims.Profile, e *claims.Entry, rend *lipgloss.Renderer) error {
	st := newPalette(rend)
	var b strings.Builder
	b.WriteString(st.Title.Render(view.EntryName(e)) + st.Dim.Render("  ("+p.Name+")") + "\n")
	b.WriteString(e.Summary + "\n")
	if e.New != nil {
		b.WriteString(st.Render(view.HighlightMark(claims.ReasonNew)) + " " + e.New.Detail + "\n")
	}
	if e.Explanation != "" {
		b.WriteString("\n" + e.Explanation + "\n")
	}
	b.WriteString("\n")
	for _, f := range view.EntryFields(e) {
		b.WriteString("  " + st.Label.Render(f.Label) + strings.Repeat(" ", 13-len(f.Label)) + f.Value + "\n")
	}
	if len(e.Providers) > 0 {
		b.WriteString("\n" + st.Title.Render("Who can condition on it") + "\n")
		for _, pu := range e.Providers {
			conf := ""
			if pu.Confidence != "documented" {
				conf = st.Dim.Render(" (" + pu.Confidence + ")")
			}
			b.WriteString("  " + st.Label.Render(pu.Provider) + strings.Repeat(" ", max(1, 11-len(pu.Provider))) + pu.How + conf + "\n")
		}
	}
	if len(e.Sources) > 0 {
		b.WriteString("\n" + st.Title.Render("Sources") + "\n")
		for _, tag := range e.Sources {
			line := "  " + st.Dim.Render(tag)
			if cite, ok := p.Sources[tag]; ok {
				line += "  " + cite
			}
			b.WriteString(line + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
