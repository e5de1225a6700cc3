package report

import (
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/oidcscope/oidcscope/claims"
)

// Entry writes one catalog entry for `oidcscope explain`. The catalog is our
// own data, but it goes through the same styles as everything else.
func Entry(w io.Writer, p *claims.Profile, e *claims.Entry, rend *lipgloss.Renderer) error {
	st := newStyles(rend)
	var b strings.Builder
	name := e.Name
	if e.Family {
		name += "*"
	}
	b.WriteString(st.title.Render(name) + st.dim.Render("  ("+p.Name+")") + "\n")
	b.WriteString(e.Summary + "\n")
	if e.New != nil {
		b.WriteString(st.badgeNew.Render("NEW") + " " + e.New.Detail + "\n")
	}
	if e.Explanation != "" {
		b.WriteString("\n" + e.Explanation + "\n")
	}
	b.WriteString("\n")
	field := func(label, value string) {
		if value != "" {
			b.WriteString("  " + st.label.Render(label) + strings.Repeat(" ", 13-len(label)) + value + "\n")
		}
	}
	typ := e.Type
	if e.Format != "" {
		typ += " (" + e.Format + ")"
	}
	field("type", typ)
	field("example", e.Example)
	field("scope", string(e.Scope))
	immutable := "no"
	if e.Immutable {
		immutable = "yes"
	}
	field("immutable", immutable)
	field("mutability", e.Mutability)
	if e.Prefer != "" {
		field("prefer", "condition on "+e.Prefer+" instead")
	}
	field("trust", string(e.Trust)+": "+e.TrustWhy)
	field("absent", e.Absent)
	field("since", e.Since)
	field("availability", e.Availability)
	status := e.Status
	if status == "observed" {
		status = "observed in real tokens, not documented"
	}
	field("status", status)
	if e.PolicyRelevant {
		field("policies", "trust policies commonly condition on this claim")
	}
	if len(e.Providers) > 0 {
		b.WriteString("\n" + st.title.Render("Who can condition on it") + "\n")
		for _, pu := range e.Providers {
			conf := ""
			if pu.Confidence != "documented" {
				conf = st.dim.Render(" (" + pu.Confidence + ")")
			}
			b.WriteString("  " + st.label.Render(pu.Provider) + strings.Repeat(" ", max(1, 11-len(pu.Provider))) + pu.How + conf + "\n")
		}
	}
	if len(e.Sources) > 0 {
		b.WriteString("\n" + st.title.Render("Sources") + "\n")
		for _, tag := range e.Sources {
			line := "  " + st.dim.Render(tag)
			if cite, ok := p.Sources[tag]; ok {
				line += "  " + cite
			}
			b.WriteString(line + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
