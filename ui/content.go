package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

// paneContent is the text of the scrolling pane, wrapped to w columns.
// Every string that came from the token, the keys or a policy is escaped.
func (m Model) paneContent(w int) string {
	if m.report == nil {
		return ""
	}
	var b strings.Builder
	if m.showHelp {
		m.helpView(&b)
		return wrapIndented(strings.TrimRight(b.String(), "\n"), w)
	}
	switch m.pane {
	case paneClaims, paneDetail:
		m.claimDetail(&b)
	case paneHeader:
		m.headerView(&b)
	case paneSignature:
		m.signatureView(&b)
	case panePolicies:
		if ps := m.policies(); m.policyOpen && m.policySel < len(ps) {
			m.policyDetail(&b, ps[m.policySel])
		}
	case paneRaw:
		m.rawView(&b)
	}
	return wrapIndented(strings.TrimRight(b.String(), "\n"), w)
}

// wrapIndented wraps each line to w columns, continuing an indented line
// at its indent, so a wrapped diagnosis stays under its condition.
func wrapIndented(s string, w int) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		n := len(l) - len(strings.TrimLeft(l, " "))
		if n > w/2 {
			n = 0
		}
		indent := strings.Repeat(" ", n)
		wrapped := ansi.Wrap(l[n:], w-n, "")
		for _, part := range strings.Split(wrapped, "\n") {
			out = append(out, indent+part)
		}
	}
	return strings.Join(out, "\n")
}

// helpView is the full help as a list in the scrolling pane, so it fits
// any width and scrolls on a short terminal.
func (m Model) helpView(b *strings.Builder) {
	b.WriteString(m.st.Title.Render("Keys") + "\n")
	for _, group := range m.keys.FullHelp() {
		for _, k := range group {
			h := k.Help()
			b.WriteString(m.st.Label.Render(fmt.Sprintf("%-10s", h.Key)) + " " + h.Desc + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(m.st.Dim.Render("On the paste screen: enter inspects, ctrl+d opens the demo token, ctrl+o a file, ctrl+u clears, esc goes back.") + "\n")
}

func (m Model) section(b *strings.Builder, title string) {
	b.WriteString("\n" + m.st.Title.Render(title) + "\n")
}

func (m Model) field(b *strings.Builder, label, value string) {
	if value == "" {
		return
	}
	b.WriteString(m.st.Label.Render(label) + "  " + value + "\n")
}

func (m Model) claimDetail(b *strings.Builder) {
	st := m.st
	c := m.selectedClaim()
	if c == nil {
		b.WriteString(st.Dim.Render("no claim selected"))
		return
	}
	b.WriteString(st.Bold.Render(escape.Text(c.Name)))
	if c.Duplicate {
		b.WriteString("  " + st.Fail.Render("✗ duplicate: an earlier claim has this name"))
	}
	b.WriteString("\n" + report.ValueText(c.Value) + "\n")
	if c.Time != nil {
		if c.Time.Err != nil {
			b.WriteString(st.Warn.Render(escape.Text(c.Time.Err.Error())) + "\n")
		} else {
			b.WriteString(st.Dim.Render(c.Time.UTC.Format(time.RFC3339)+" · "+c.Time.Relative+" (at inspection) · "+m.liveRelative(c.Time.UTC)) + "\n")
		}
	}
	for _, h := range c.Info.Highlights {
		if h.Reason == claims.ReasonPolicyRelevant {
			continue
		}
		b.WriteString(m.highlightLabel(h.Reason) + " " + escape.Text(h.Detail) + "\n")
	}
	// The meaning first, then how the loaded policies took the claim: the
	// two things a reader comes for; the rest of the catalog entry after.
	if e := c.Info.Entry; e != nil {
		b.WriteString("\n" + e.Summary + "\n")
	}
	m.claimConditions(b, c)
	if e := c.Info.Entry; e != nil {
		if e.Explanation != "" {
			b.WriteString("\n" + st.Dim.Render(e.Explanation) + "\n")
		}
		b.WriteString("\n")
		typ := e.Type
		if e.Format != "" {
			typ += " (" + e.Format + ")"
		}
		m.field(b, "type     ", typ)
		m.field(b, "scope    ", string(e.Scope))
		imm := "no"
		if e.Immutable {
			imm = "yes"
		}
		m.field(b, "immutable", imm)
		m.field(b, "mutable  ", e.Mutability)
		m.field(b, "prefer   ", e.Prefer)
		m.field(b, "trust    ", strings.TrimSpace(string(e.Trust)+": "+e.TrustWhy))
		m.field(b, "absent   ", e.Absent)
		m.field(b, "since    ", e.Since)
		m.field(b, "where    ", e.Availability)
		if e.Status != "" && e.Status != "documented" {
			m.field(b, "status   ", e.Status+" (not in GitHub's documentation)")
		}
	} else {
		b.WriteString("\n" + st.Dim.Render("not in the "+m.report.Profile.Name+" catalog") + "\n")
	}
	if c.Name == "sub" && m.report.Subject != nil {
		m.subjectView(b, m.report.Subject)
	}
	m.claimLinks(b, c.Name)
	m.wouldSatisfy(b, c)
}

func (m Model) liveRelative(t time.Time) string {
	return decode.Relative(t, m.now) + " now"
}

func (m Model) highlightLabel(reason string) string {
	switch reason {
	case claims.ReasonNew:
		return m.st.New.Render("NEW")
	case claims.ReasonRisk:
		return m.st.Risk.Render("RISK")
	case claims.ReasonUnknown:
		return m.st.Unknown.Render("UNKNOWN")
	case claims.ReasonUser:
		return m.st.User.Render("★")
	}
	return reason
}

func (m Model) subjectView(b *strings.Builder, s *claims.Subject) {
	st := m.st
	m.section(b, "Subject anatomy ("+s.Format+" form)")
	for _, p := range s.Parts {
		v := p.Value
		if p.Decoded != "" {
			v += " (" + p.Decoded + ")"
		}
		line := st.Label.Render(escape.Text(p.Key)) + "  " + escape.Text(v)
		if p.FromClaim != "" {
			line += st.Dim.Render("  ← " + escape.Text(p.FromClaim))
			if p.Agrees != nil && *p.Agrees {
				line += " " + st.Pass.Render("✓")
			} else if p.Agrees != nil {
				line += " " + st.Fail.Render("✗")
			}
		}
		b.WriteString(line + "\n")
	}
	if s.Unparsed != "" {
		b.WriteString(st.Warn.Render("not understood: ") + escape.Text(s.Unparsed) + "\n")
	}
	if s.Rule != "" {
		b.WriteString(st.Dim.Render("context rule: "+s.Rule) + "\n")
	}
	for _, c := range s.Contradictions {
		b.WriteString(st.Fail.Render("✗ ") + escape.Text(c) + "\n")
	}
	if s.Alternate != "" {
		b.WriteString(st.Label.Render("other form") + "  " + escape.Text(s.Alternate) + "\n" + st.Dim.Render(s.AlternateNote) + "\n")
	}
}

func (m Model) claimLinks(b *strings.Builder, name string) {
	var ls []claims.Link
	for _, l := range m.report.Links {
		if name == "sub" || slices.Contains(l.Claims, name) {
			ls = append(ls, l)
		}
	}
	if len(ls) == 0 {
		return
	}
	m.section(b, "Links")
	for _, l := range ls {
		b.WriteString(m.st.Label.Render(l.Name) + "  " + escape.Text(l.URL) + "\n")
		if l.Note != "" {
			b.WriteString(m.st.Dim.Render("  "+l.Note) + "\n")
		}
	}
}

// claimConditions: every loaded policy condition that reads the claim.
func (m Model) claimConditions(b *strings.Builder, c *inspect.Claim) {
	if len(c.Conditions) == 0 {
		return
	}
	m.section(b, fmt.Sprintf("Policy conditions reading %s (%d)", escape.Text(c.Name), len(c.Conditions)))
	for _, cc := range c.Conditions {
		b.WriteString(m.outcomeMark(cc.Result) + " " + cc.Provider + "  " + m.st.Bold.Render(escape.Text(cc.Policy)) + "\n")
		b.WriteString("    " + escape.Text(cc.Expression) + "\n")
		for _, d := range cc.Diagnosis {
			b.WriteString("    " + m.st.Dim.Render(escape.Text(d)) + "\n")
		}
	}
}

// wouldSatisfy: ready-to-paste conditions per provider; [ ] choose, Y copies.
func (m Model) wouldSatisfy(b *strings.Builder, c *inspect.Claim) {
	if len(c.WouldSatisfy) == 0 {
		return
	}
	m.section(b, "Conditions this claim satisfies")
	b.WriteString(m.st.Dim.Render("Y copies the ▸ one · [ ] choose") + "\n")
	for i, sn := range c.WouldSatisfy {
		mark := "  "
		if i == m.condSel {
			mark = m.st.Cursor.Render("▸ ")
		}
		b.WriteString(mark + m.st.Label.Render(policy.ProviderName(sn.Provider)) + "\n")
		for _, l := range strings.Split(escape.Document(sn.Text), "\n") {
			b.WriteString("    " + l + "\n")
		}
		if sn.Note != "" {
			b.WriteString("    " + m.st.Dim.Render(escape.Text(sn.Note)) + "\n")
		}
	}
}

func (m Model) outcomeMark(o policy.Outcome) string {
	switch o {
	case policy.Pass:
		return m.st.Pass.Render("✓ pass")
	case policy.Fail:
		return m.st.Fail.Render("✗ fail")
	case policy.Errored:
		return m.st.Warn.Render("! error")
	}
	return m.st.Dim.Render("- n/a ")
}

func (m Model) headerView(b *strings.Builder) {
	st := m.st
	tok := m.report.Token
	if tok == nil {
		m.errorsView(b)
		return
	}
	b.WriteString(st.Title.Render("Header") + st.Dim.Render(" ("+string(tok.Kind)+")") + "\n")
	if p := m.report.Profile; p.Name != "" {
		name := p.Name
		if p.Variant != "" {
			name += " (" + p.Variant + ")"
		}
		b.WriteString(st.Dim.Render("issuer profile: "+name) + "\n")
	}
	if tok.Header.Kind == decode.Object {
		for _, mem := range tok.Header.Members {
			b.WriteString(st.Label.Render(escape.Text(mem.Key)) + "  " + report.ValueText(mem.Value) + "\n")
		}
	} else {
		b.WriteString(st.Warn.Render("the header could not be read as a JSON object") + "\n")
	}
	for _, w := range m.report.Verify.Warnings {
		b.WriteString(st.Warn.Render("! ") + escape.Text(w) + "\n")
	}
	for _, n := range append(slices.Clone(tok.Notes), m.report.Notes...) {
		b.WriteString(st.Dim.Render("note: "+escape.Text(n)) + "\n")
	}
	if len(tok.Input.Stripped) > 0 {
		b.WriteString(st.Dim.Render("removed from the paste: "+strings.Join(tok.Input.Stripped, ", ")) + "\n")
	}
	m.errorsView(b)
}

func (m Model) errorsView(b *strings.Builder) {
	if len(m.report.Errors) == 0 {
		return
	}
	m.section(b, "Problems")
	for _, e := range m.report.Errors {
		b.WriteString(m.st.Fail.Render("✗ "+e.Stage+": ") + escape.Text(e.Err.Error()) + "\n")
	}
}

func (m Model) signatureView(b *strings.Builder) {
	st := m.st
	if m.report.Token == nil {
		m.errorsView(b)
		return
	}
	sig := m.report.Verify.Signature
	b.WriteString(st.Title.Render("Signature") + "  " + m.signatureBadge(true) + "\n")
	m.field(b, "key source", escape.Text(string(sig.KeySource)))
	m.field(b, "key       ", escape.Text(sig.KeyName))
	m.field(b, "key id    ", escape.Text(sig.KeyID))
	if sig.Reason != "" {
		b.WriteString(escape.Text(sig.Reason) + "\n")
	}
	m.section(b, "Checks")
	for _, c := range m.report.Verify.Checks {
		var mark string
		switch c.Status {
		case verify.Pass:
			mark = st.Pass.Render("✓ pass")
		case verify.Fail:
			mark = st.Fail.Render("✗ fail")
		default:
			mark = st.Dim.Render("- skip")
		}
		b.WriteString(mark + "  " + st.Label.Render(fmt.Sprintf("%-9s", c.Name)) + " " + escape.Text(c.Detail) + "\n")
	}
	for _, w := range m.report.Verify.Warnings {
		b.WriteString(st.Warn.Render("! ") + escape.Text(w) + "\n")
	}
	b.WriteString("\n" + st.Dim.Render("r re-fetches the keys") + "\n")
	m.errorsView(b)
}

func (m Model) policyDetail(b *strings.Builder, p policy.Result) {
	st := m.st
	b.WriteString(st.Bold.Render(escape.Text(p.Name)) + "  " + m.verdictBadge(p.Verdict) + st.Dim.Render("  "+p.Provider+" · "+escape.Text(p.Source)+" · esc back") + "\n")
	if p.Summary != "" {
		b.WriteString(escape.Text(p.Summary) + "\n")
	}
	if p.Error != "" {
		b.WriteString(st.Fail.Render("error: ") + escape.Text(p.Error) + "\n")
	}
	b.WriteString("\n")
	for _, c := range p.Conditions {
		b.WriteString(m.outcomeMark(c.Result) + "  " + escape.Text(c.Expression) + "\n")
		if len(c.Claims) > 0 {
			actual := escape.Text(c.Actual)
			if c.Absent {
				actual = st.Dim.Render("(absent)")
			}
			b.WriteString("    " + st.Dim.Render("token "+strings.Join(c.Claims, ", ")+": ") + actual + "\n")
		}
		if c.Result == policy.Fail || c.Result == policy.Errored {
			for _, d := range c.Diagnosis {
				b.WriteString("    " + escape.Text(d) + "\n")
			}
		}
	}
	if len(p.Lint) > 0 {
		m.section(b, "Lint")
		for _, f := range p.Lint {
			b.WriteString(st.Warn.Render(f.Severity) + " " + st.Dim.Render(f.Rule+": ") + escape.Text(f.Message) + "\n")
		}
	}
}

func (m Model) rawView(b *strings.Builder) {
	st := m.st
	tok := m.report.Token
	if tok == nil {
		m.errorsView(b)
		return
	}
	for _, part := range []struct {
		name string
		v    decode.Value
	}{{"Header", tok.Header}, {"Payload", tok.Payload}} {
		b.WriteString(st.Title.Render(part.name) + "\n")
		b.WriteString(prettyJSON(part.v) + "\n\n")
	}
	b.WriteString(st.Title.Render("Segments") + st.Dim.Render("  (y copies the whole token, after asking)") + "\n")
	for _, s := range tok.Segments {
		b.WriteString(st.Label.Render(s.Name) + st.Dim.Render(fmt.Sprintf("  %d chars, %d bytes", len(s.Text), len(s.Bytes))) + "\n")
		b.WriteString(escape.Text(s.Text) + "\n")
	}
}

// prettyJSON indents a decoded value, keeping its member order and its
// numbers as written; escape.JSON then escapes what JSON leaves raw.
func prettyJSON(v decode.Value) string {
	if v.Kind == decode.Null && v.Text == "" {
		return "(could not be decoded)"
	}
	js, err := v.MarshalJSON()
	if err != nil {
		return "(could not be shown: " + escape.Text(err.Error()) + ")"
	}
	var out bytes.Buffer
	if err := json.Indent(&out, js, "", "  "); err != nil {
		return string(escape.JSON(js))
	}
	return string(escape.JSON(out.Bytes()))
}
