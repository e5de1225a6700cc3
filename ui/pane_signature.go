package ui

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/report/view"
)

// signaturePane is the signature's verdict, the key that decided it and
// the checks.
type signaturePane struct{ textPane }

func (signaturePane) Content(m Model, b *strings.Builder) { tokenContent(m, b, Model.signatureView) }

func (m Model) signatureView(b *strings.Builder) {
	st := m.st
	sig := view.SignatureOf(m.report)
	b.WriteString(st.Title.Render("Signature") + "  " + m.signatureBadge(true) + "\n")
	m.field(b, "key source", sig.KeySource)
	m.field(b, "key       ", sig.KeyName)
	m.field(b, "key id    ", sig.KeyID)
	if sig.Reason != "" {
		b.WriteString(sig.Reason + "\n")
	}
	m.section(b, "Checks")
	for _, c := range view.Checks(m.report) {
		b.WriteString(st.Render(c.Mark) + "  " + st.Label.Render(fmt.Sprintf("%-9s", c.Name)) + " " + c.Detail + "\n")
	}
	m.warningsView(b)
	b.WriteString("\n" + st.Dim.Render("r re-fetches the keys") + "\n")
	m.errorsView(b)
}

func (signaturePane) Tab(Model) string { return "Signature" }
