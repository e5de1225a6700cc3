package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
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

// statusLine: the signature badge, the failed checks, the live expiry
// (at --at's instant, named, when one is given), the policies' tally,
// profile and issuer. A token that did not decode cleanly leads with its
// first problem: the checks that fail because of it (alg, with no header)
// are not the news. Too wide for the screen, the line gives up the kid
// and the program's name before any of what it is read for is cut, and
// cuts the problem's text; the profile and issuer, last, are cut first.
func (m Model) statusLine() string {
	st := m.st
	r := m.report
	parts := []statusPart{{text: st.Title.Render("oidcscope"), drop: 2}}
	if m.demo {
		parts = append(parts, statusPart{text: st.Warn.Render("demo"), keep: true})
	}
	if r == nil {
		return joinStatus(append(parts, statusPart{text: m.spin.View() + " inspecting…"}))
	}
	// The provider's error message leads, as in the text report.
	if s := m.errorsStatus(); s != "" {
		parts = append(parts, statusPart{text: s, keep: true, shrink: true})
	}
	if r.Token == nil {
		return joinStatus(append(parts, statusPart{text: st.Fail.Render("✗ no token"), keep: true}))
	}
	parts = append(parts, m.decodeStatus()...)
	if r.Unsigned != "" {
		// Before the badge: these claims were never signed by anyone.
		n := m.whatIf.count()
		parts = append(parts, statusPart{text: st.Warn.Render(fmt.Sprintf("%s (%d %s)", r.Unsigned.Marker(), n, plural(n, "edit", "edits"))), keep: true})
	}
	parts = append(parts, statusPart{text: m.signatureBadge(false), keep: true})
	if m.wide() {
		if kid := view.SignatureOf(r).Kid; kid != "" {
			parts = append(parts, statusPart{text: st.Dim.Render(" kid " + kid), glued: true, drop: 1})
		}
	}
	// What failed first: a narrow screen cuts the line's end.
	for _, s := range []string{m.failedChecks(), m.expiry(), m.evaluatedAt()} {
		if s != "" {
			parts = append(parts, statusPart{text: s, keep: true})
		}
	}
	if m.samples.loading() {
		parts = append(parts, statusPart{text: st.Dim.Render(policiesLoading)})
	} else if t := view.TallyOf(r.Policies); t.Total > 0 {
		tally := fmt.Sprintf("policies %s %s", st.Pass.Render(fmt.Sprintf("✓%d", t.Allow)), st.Fail.Render(fmt.Sprintf("✗%d", t.Deny)))
		if t.Error > 0 {
			// Not evaluated is not denied: the list, the badges and the
			// export count it apart.
			tally += " " + st.Warn.Render(fmt.Sprintf("!%d", t.Error))
		}
		parts = append(parts, statusPart{text: tally, keep: true})
	}
	prof := r.Profile.Name
	if r.Profile.Variant != "" {
		prof += " (" + r.Profile.Variant + ")"
	}
	if prof != "" {
		parts = append(parts, statusPart{text: prof})
	}
	if h := view.HeadlineOf(r); h.HasIssuer {
		parts = append(parts, statusPart{text: st.Dim.Render(h.Issuer)})
	}
	return joinStatus(fitStatus(parts, m.width))
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
	var out []string
	if tab := m.errorsTab(); tab != "" {
		if m.shownPane() == paneErrors {
			out = append(out, m.st.TabActive.Render("["+tab+"]"))
		} else {
			out = append(out, m.st.Tab.Render(tab))
		}
	}
	if m.noToken() {
		// Only the errors pane shows (shownPane): the other tabs, and
		// tab and 1-5 that would switch to them, have nothing to show.
		return strings.Join(out, "")
	}
	n := 0
	for p := range paneCount {
		tab := p.component().Tab(m)
		if tab == "" {
			continue
		}
		n++
		name := fmt.Sprintf("%d %s", n, tab)
		if p == tabOf(m.shownPane()) {
			out = append(out, m.st.TabActive.Render("["+name+"]"))
		} else {
			out = append(out, m.st.Tab.Render(name))
		}
	}
	line := strings.Join(out, "")
	if m.pane == paneCompare {
		if m.comparison().previousTokens {
			line += m.st.TabActive.Render("[previous vs this]") // fits 80 columns
		} else {
			line += m.st.TabActive.Render("[real vs edited]")
		}
	}
	if m.pane == paneClaims || m.pane == paneDetail {
		// The filter, when there is one, else (narrow) which pane shows,
		// or (wide) that the detail beside the list has the focus: in
		// words, which NO_COLOR keeps.
		switch {
		case m.filtering || m.filter.Value() != "":
			line += "  " + m.filter.View()
		case !m.wide():
			line += m.st.Dim.Render("  " + strings.ToLower(paneNames[m.pane]))
		case m.pane == paneDetail:
			line += m.st.Dim.Render("  focus: " + strings.ToLower(paneNames[m.pane]))
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
		return m.paneView()
	}
	return m.shownPane().component().View(m, m.width, h)
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
	if m.filtering {
		// Every other key types into the filter (q gives /q).
		return m.st.Label.Render("enter") + m.st.Dim.Render(" keep the filter · ") + m.st.Label.Render("esc") + m.st.Dim.Render(" clear it · ctrl+c quit")
	}
	if m.showHelp {
		// The help scrolls on a short screen: say so while some is below.
		if !m.vp.AtBottom() {
			return m.st.Label.Render("↓/j more") + m.st.Dim.Render(" · ? or esc closes the help")
		}
		return m.st.Dim.Render("? or esc closes the help")
	}
	return m.shortHelp()
}

// shortHelp is the footer: the filter in force (the tabs line, cut on a
// narrow screen, may not show it), the focused pane's keys, then the
// shared ones. When the line is too wide, keys go from before "? help •
// q quit", so those two always show (help.Model alone would cut the end
// off). The widths are worked out without rendering (help.Model's styles
// add no cells), since the footer is drawn on every frame.
func (m Model) shortHelp() string {
	h := m.helpKeys()
	keys := h.ShortHelp()
	filter := m.filterNote()
	if filter != "" {
		filter = m.st.Label.Render(filter) + m.help.Styles.ShortSeparator.Render(m.help.ShortSeparator)
	}
	if width := m.help.Width - lipgloss.Width(filter); m.help.Width > 0 {
		sep := ansi.StringWidth(m.help.ShortSeparator)
		widths := make([]int, len(keys))
		total := -sep
		for i, k := range keys {
			h := k.Help()
			widths[i] = sep + ansi.StringWidth(h.Key) + 1 + ansi.StringWidth(h.Desc)
			total += widths[i]
		}
		for n := len(keys); n > 2 && total > width; n-- {
			total -= widths[n-3]
			keys = append(keys[:n-3], keys[n-2:]...)
			widths = append(widths[:n-3], widths[n-2:]...)
		}
	}
	keys = m.withWhatIfKeys(h, keys, m.help.Width-lipgloss.Width(filter))
	if filter == "" {
		return m.help.ShortHelpView(keys)
	}
	return filter + m.help.ShortHelpView(keys)
}

// withWhatIfKeys adds the pane's what-if keys after its own, each only
// while the footer still fits width: they never push out a key that
// showed before them.
func (m Model) withWhatIfKeys(h helpKeys, keys []key.Binding, width int) []key.Binding {
	if len(h.footerIf) == 0 || m.help.Width <= 0 {
		return keys
	}
	sep := ansi.StringWidth(m.help.ShortSeparator)
	entry := func(k key.Binding) int {
		return sep + ansi.StringWidth(k.Help().Key) + 1 + ansi.StringWidth(k.Help().Desc)
	}
	total := -sep
	for _, k := range keys {
		total += entry(k)
	}
	at := min(len(h.pane), len(keys))
	for _, k := range h.footerIf {
		if total+entry(k) > width {
			break
		}
		total += entry(k)
		keys = slices.Insert(keys, at, k)
		at++
	}
	return keys
}

// filterNote is the claim filter in force, for the footer of the claim
// panes, cut to a quarter of the screen: "/repo".
func (m Model) filterNote() string {
	f := m.filter.Value()
	if f == "" || m.filtering || (m.pane != paneClaims && m.pane != paneDetail) {
		return ""
	}
	return ansi.Truncate("/"+escape.Text(f), max(m.width/4, 8), "…")
}
