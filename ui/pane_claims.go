package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/report/view"
)

// claimsPane is the claims in token order with their badges; on a wide
// screen the selected claim's detail stands beside it.
type claimsPane struct{}

// claimKeys are the keys on the selected claim. Y and [ ] act on it from
// any pane but an opened policy (whose own conditions they copy and
// choose, policycopy.go), and y from any but Raw and Policies (which copy
// what they show); only the claim panes list them, where the
// claim and its conditions show. [ and ] are one entry, so the footer
// keeps room for the shared keys.
func claimKeys(k KeyMap) []key.Binding {
	choose := key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[ ]", "choose condition"))
	return []key.Binding{k.Copy, k.CopyCondition, choose, k.Edit, k.AddClaim, k.DeleteClaim, k.Undo, k.Compare}
}

// editKey: e on the selected claim opens the what-if's edit prompt, from
// the list and from the claim's detail.
func editKey(m Model, msg tea.KeyMsg) (Model, tea.Cmd, bool) {
	if m.report == nil || m.report.Token == nil {
		return m, nil, false
	}
	switch {
	case matches(msg, m.keys.Edit):
		return m.openEdit(), nil, true
	case matches(msg, m.keys.AddClaim):
		return m.openAdd(), nil, true
	case matches(msg, m.keys.DeleteClaim):
		m, cmd := m.deleteSelected()
		return m, cmd, true
	}
	return m, nil, false
}

func (claimsPane) KeyMap(k KeyMap) []key.Binding {
	return append([]key.Binding{described(k.Open, "open claim")}, claimKeys(k)...)
}

func (claimsPane) Update(m Model, msg tea.KeyMsg) (Model, tea.Cmd, bool) {
	if matches(msg, m.keys.Open) {
		m.pane = paneDetail
		return m, nil, true
	}
	return editKey(m, msg)
}

func (claimsPane) View(m Model, w, h int) string {
	if m.wide() {
		return claimsBeside(m, w, h)
	}
	return m.claimsList(w, h)
}

func (claimsPane) Content(m Model, b *strings.Builder) { m.claimDetail(b) }

func (claimsPane) TextSize(m Model, w, h int) (int, int) { return claimsSize(m, w, h) }

// claimsBeside is the wide layout of the claim panes: the list, a rule,
// the detail.
func claimsBeside(m Model, w, h int) string {
	list := m.claimsList(m.listWidth(), h)
	sep := strings.TrimSuffix(strings.Repeat(m.st.Dim.Render("│")+"\n", h), "\n")
	return lipgloss.JoinHorizontal(lipgloss.Top, list, " ", sep, " ", m.paneView())
}

// claimsSize: the detail takes what the list leaves on a wide screen.
func claimsSize(m Model, w, h int) (int, int) {
	if m.wide() {
		return w - m.listWidth() - 3, h
	}
	return w - 1, h
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
		return m.emptyList(w, h, msg)
	}
	nameW := min(list.nameW, max(w/2, 8))
	focused := m.pane == paneClaims
	rows := m.listRows(len(vis), m.claimOff, m.claimSel, focused, w, h, func(row int) string {
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
		if row == m.claimSel && focused {
			line = st.Selected.Render(line)
		}
		return line
	})
	return lipgloss.NewStyle().Width(w).Render(rows)
}

// claimBadges: NEW, RISK, UNKNOWN, the user's ★, the failed check of the
// claim (exp, nbf, iat, iss, aud: ✗ fail), and how the loaded conditions
// that read the claim came out, counted as the text report's "read by"
// line counts them: ✗N failed, !N errored, else ✓ when some pass (never
// beside a failed check: the exp row of an expired token would read as
// fine); a condition not checked offline (n/a) is no failure, and a claim
// read only by such conditions says n/a.
func (m Model) claimBadges(c view.Claim) string {
	st := m.st
	var out []string
	for _, b := range c.Flags() {
		out = append(out, st.Render(b))
	}
	check, checkFailed := view.FailedCheckOf(m.report, c.Name)
	if checkFailed {
		out = append(out, st.Render(check))
	}
	switch t := c.Tally; {
	case checkFailed && t.Fail == 0 && t.Errored == 0:
	case t.Fail > 0 || t.Errored > 0:
		if t.Fail > 0 {
			out = append(out, st.Fail.Render(fmt.Sprintf("✗%d", t.Fail)))
		}
		if t.Errored > 0 {
			out = append(out, st.Warn.Render(fmt.Sprintf("!%d", t.Errored)))
		}
	case t.Pass > 0:
		out = append(out, st.Pass.Render("✓"))
	case t.Total > 0:
		out = append(out, st.Dim.Render("n/a"))
	case c.PolicyRelevant():
		out = append(out, st.Policy.Render("policy"))
	}
	if len(out) == 0 {
		return ""
	}
	return " " + strings.Join(out, " ")
}

func (claimsPane) Tab(Model) string { return "Claims" }
