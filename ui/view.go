package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/report/view"
)

func (m Model) inspectorView() string {
	var b strings.Builder
	b.WriteString(m.statusLine() + "\n")
	b.WriteString(m.tabsLine() + "\n")
	b.WriteString(m.body() + "\n")
	b.WriteString(m.footer())
	return fitScreen(b.String(), m.width, m.height)
}

// statusLine: profile and issuer, the signature badge, the live expiry.
func (m Model) statusLine() string {
	st := m.st
	r := m.report
	parts := []string{st.Title.Render("oidcscope")}
	if m.cfg.Title != "" {
		parts = append(parts, st.Warn.Render(m.cfg.Title))
	}
	if r == nil {
		return strings.Join(append(parts, m.spin.View()+" inspecting…"), " · ")
	}
	if r.Token == nil {
		return strings.Join(append(parts, st.Fail.Render("✗ no token")), " · ")
	}
	parts = append(parts, m.signatureBadge(m.wide()))
	if exp := m.expiry(); exp != "" {
		parts = append(parts, exp)
	}
	if t := view.TallyOf(r.Policies); t.Total > 0 {
		parts = append(parts, fmt.Sprintf("policies %s %s", st.Pass.Render(fmt.Sprintf("✓%d", t.Allow)), st.Fail.Render(fmt.Sprintf("✗%d", t.Total-t.Allow))))
	}
	prof := r.Profile.Name
	if r.Profile.Variant != "" {
		prof += " (" + r.Profile.Variant + ")"
	}
	if prof != "" {
		parts = append(parts, prof)
	}
	if h := view.HeadlineOf(r); h.HasIssuer {
		parts = append(parts, st.Dim.Render(h.Issuer))
	}
	return strings.Join(parts, " · ")
}

// signatureBadge never lets unverified look like invalid or valid: each
// has its own symbol and word as well as its colour.
func (m Model) signatureBadge(withKid bool) string {
	st := m.st
	sig := view.SignatureOf(m.report)
	badge := st.Render(sig.Mark)
	if m.fetching {
		badge = st.Unverified.Render(m.spin.View() + " fetching keys")
	}
	if sig.Alg != "" {
		badge += " " + sig.Alg
	}
	if sig.Kid != "" && withKid {
		badge += st.Dim.Render(" kid " + sig.Kid)
	}
	return badge
}

// expiry is the live countdown: "expires in 4m12s", then "expired 12s ago".
func (m Model) expiry() string {
	for _, c := range m.report.Claims {
		if c.Name != "exp" || c.Time == nil || c.Time.Err != nil {
			continue
		}
		now := m.now
		if m.report.AtFixed {
			now = m.report.At
		}
		rel := decode.Relative(c.Time.UTC, now)
		if c.Time.UTC.After(now) {
			return m.st.Pass.Render("expires " + rel)
		}
		return m.st.Fail.Render("expired " + rel)
	}
	return ""
}

func (m Model) tabsLine() string {
	views := []struct {
		name  string
		panes []pane
	}{
		{"1 Claims", []pane{paneClaims, paneDetail}},
		{"2 Header", []pane{paneHeader}},
		{"3 Signature", []pane{paneSignature}},
		{"4 Policies", []pane{panePolicies}},
		{"5 Raw", []pane{paneRaw}},
	}
	var out []string
	for _, v := range views {
		name := v.name
		if v.name == "4 Policies" && m.report != nil && len(m.report.Policies) > 0 {
			name += fmt.Sprintf(" (%d)", len(m.report.Policies))
		}
		active := false
		for _, p := range v.panes {
			active = active || p == m.pane
		}
		if active {
			out = append(out, m.st.TabActive.Render("["+name+"]"))
		} else {
			out = append(out, m.st.Tab.Render(name))
		}
	}
	line := strings.Join(out, "")
	if m.pane == paneClaims || m.pane == paneDetail {
		// The filter, when there is one, else (narrow) which pane shows.
		switch {
		case m.filtering || m.filter.Value() != "":
			line += "  " + m.filter.View()
		case !m.wide():
			line += m.st.Dim.Render("  " + strings.ToLower(paneNames[m.pane]))
		}
	}
	return line
}

func (m Model) body() string {
	h := m.bodyHeight()
	if m.report == nil {
		return lipgloss.NewStyle().Height(h).Render(m.spin.View() + " inspecting…")
	}
	if m.showHelp {
		return m.vp.View()
	}
	if m.report.Token == nil {
		var b strings.Builder
		m.errorsView(&b)
		b.WriteString("\n" + m.st.Dim.Render("n pastes another token · q quits"))
		return lipgloss.NewStyle().Height(h).Render(wrapIndented(strings.TrimLeft(b.String(), "\n"), m.width-1))
	}
	switch {
	case m.pane == paneClaims && m.wide(), m.pane == paneDetail && m.wide():
		list := m.claimsList(m.listWidth(), h)
		sep := strings.TrimSuffix(strings.Repeat(m.st.Dim.Render("│")+"\n", h), "\n")
		return lipgloss.JoinHorizontal(lipgloss.Top, list, " ", sep, " ", m.vp.View())
	case m.pane == paneClaims:
		return m.claimsList(m.width, h)
	case m.pane == panePolicies && !m.policyOpen:
		return m.policyList(m.width, h)
	}
	return m.vp.View()
}

// claimsList draws the claims in token order with their badges.
func (m Model) claimsList(w, h int) string {
	st := m.st
	list := m.claimList()
	vis := list.vis
	if len(vis) == 0 {
		msg := "no claims"
		if m.filter.Value() != "" {
			msg = "no claim matches the filter (esc clears it)"
		}
		return lipgloss.NewStyle().Width(w).Height(h).Render(st.Dim.Render(msg))
	}
	nameW := min(list.nameW, max(w/2, 8))
	lines := make([]string, 0, h)
	for row := m.claimOff; row < len(vis) && len(lines) < h; row++ {
		c := view.ClaimRow(m.report.Claims[vis[row]])
		name := ansi.Truncate(c.Name, nameW, "…")
		name += strings.Repeat(" ", nameW-lipgloss.Width(name))
		badges := m.claimBadges(c)
		valW := w - nameW - 4 - lipgloss.Width(badges)
		val := ansi.Truncate(c.Value, max(valW, 1), "…")
		if valW < 1 {
			val = ""
		}
		pad := max(w-4-nameW-lipgloss.Width(val)-lipgloss.Width(badges), 0)
		line := name + "  " + val + strings.Repeat(" ", pad) + badges
		if row == m.claimSel {
			cursor := "▸ "
			if m.pane == paneClaims {
				line = st.Selected.Render(line)
				cursor = st.Cursor.Render(cursor)
			}
			line = cursor + line
		} else {
			line = "  " + line
		}
		lines = append(lines, ansi.Truncate(line, w, "…"))
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lipgloss.NewStyle().Width(w).Render(strings.Join(lines, "\n"))
}

// claimBadges: NEW, RISK, UNKNOWN, the user's ★, and the policy verdict of
// the loaded conditions that read the claim (✓ all pass, ✗ some fail).
func (m Model) claimBadges(c view.Claim) string {
	st := m.st
	var out []string
	for _, b := range c.Flags() {
		out = append(out, st.Render(b))
	}
	switch t := c.Tally; {
	case t.Total > 0 && t.Pass < t.Total:
		out = append(out, st.Fail.Render(fmt.Sprintf("✗%d", t.Total-t.Pass)))
	case t.Total > 0:
		out = append(out, st.Pass.Render("✓"))
	case c.PolicyRelevant():
		out = append(out, st.Policy.Render("policy"))
	}
	if len(out) == 0 {
		return ""
	}
	return " " + strings.Join(out, " ")
}

func (m Model) policyList(w, h int) string {
	st := m.st
	ps := m.policies()
	if len(ps) == 0 {
		return lipgloss.NewStyle().Width(w).Height(h).Render(st.Dim.Render("no policy loaded: press p to load a trust policy file (" + view.ProviderNames() + ")"))
	}
	lines := make([]string, 0, h)
	for row := m.policyOff; row < len(ps) && len(lines) < h; row++ {
		p := view.PolicyOf(m.report, ps[row])
		line := m.verdictBadge(p.Mark) + "  " + fmt.Sprintf("%-8s", p.Provider) + " " + p.Name
		if p.SourceDiffers {
			line += st.Dim.Render("  " + p.Source)
		}
		if row == m.policySel {
			line = st.Cursor.Render("▸ ") + line
		} else {
			line = "  " + line
		}
		lines = append(lines, ansi.Truncate(line, w, "…"))
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// verdictBadge pads the verdict so the policies' names line up.
func (m Model) verdictBadge(mk view.Mark) string {
	return m.st.Style(mk.Tone).Render(mk.Padded(view.VerdictWidth))
}

func (m Model) footer() string {
	if m.prompt != promptNone {
		return m.promptView()
	}
	if m.flash != "" {
		if m.flashError {
			return m.st.Error.Render(escape.Text(m.flash))
		}
		return m.st.Pass.Render(escape.Text(m.flash))
	}
	if m.showHelp {
		return m.st.Dim.Render("? or esc closes the help")
	}
	return m.help.View(m.keys)
}
