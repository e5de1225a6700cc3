package ui

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/report/view"
)

// tokenPane is the header, signature or raw pane of a report with a token.
func (m Model) tokenPane(b *strings.Builder) {
	switch m.pane {
	case paneHeader:
		m.headerView(b)
	case paneSignature:
		m.signatureView(b)
	case paneRaw:
		m.rawView(b)
	}
}

func (m Model) headerView(b *strings.Builder) {
	st := m.st
	tok := m.report.Token
	h := view.HeadlineOf(m.report)
	b.WriteString(st.Title.Render("Header") + st.Dim.Render(" ("+string(tok.Kind)+")") + "\n")
	if p := m.report.Profile; p.Name != "" {
		name := p.Name
		if p.Variant != "" {
			name += " (" + p.Variant + ")"
		}
		b.WriteString(st.Dim.Render("issuer profile: "+name) + "\n")
	}
	if tok.Header.Kind == decode.Object {
		for _, mem := range view.Members(tok.Header.Members) {
			b.WriteString(st.Label.Render(mem.Key) + "  " + mem.Value + "\n")
		}
	} else {
		b.WriteString(st.Warn.Render("the header could not be read as a JSON object") + "\n")
	}
	for _, w := range view.Warnings(m.report) {
		b.WriteString(st.Warn.Render("! ") + w + "\n")
	}
	// The paste's own notes are the paste screen's; here, the token's and
	// the inspection's.
	for _, n := range h.Notes()[len(tok.Input.Notes):] {
		b.WriteString(st.Dim.Render("note: "+n) + "\n")
	}
	if len(h.Stripped) > 0 {
		b.WriteString(st.Dim.Render("removed from the paste: "+strings.Join(h.Stripped, ", ")) + "\n")
	}
	m.errorsView(b)
}

func (m Model) errorsView(b *strings.Builder) {
	ps := view.Problems(m.report)
	if len(ps) == 0 {
		return
	}
	m.section(b, "Problems")
	for _, p := range ps {
		b.WriteString(m.st.Fail.Render("✗ "+p.Stage+": ") + p.Message + "\n")
	}
}

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
	for _, w := range view.Warnings(m.report) {
		b.WriteString(st.Warn.Render("! ") + w + "\n")
	}
	b.WriteString("\n" + st.Dim.Render("r re-fetches the keys") + "\n")
	m.errorsView(b)
}

func (m Model) rawView(b *strings.Builder) {
	st := m.st
	tok := m.report.Token
	b.WriteString(st.Title.Render("Header") + "\n" + view.PrettyJSON(tok.Header) + "\n\n")
	b.WriteString(st.Title.Render("Payload") + "\n" + view.PrettyJSON(tok.Payload) + "\n\n")
	b.WriteString(st.Title.Render("Segments") + st.Dim.Render("  (y copies the whole token, after asking)") + "\n")
	for _, s := range tok.Segments {
		b.WriteString(st.Label.Render(s.Name) + st.Dim.Render(fmt.Sprintf("  %d chars, %d bytes", len(s.Text), len(s.Bytes))) + "\n")
		b.WriteString(view.Raw([]byte(s.Text)) + "\n")
	}
}
