package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/report/view"
)

// claimList is what the claim list derives from the report and the
// filter: which claims show and how wide their names are. A token of 1 MiB
// has tens of thousands of claims, so this is worked out when the report
// or the filter changes (refresh), not on every frame; a frame then costs
// only its visible rows.
type claimList struct {
	report *inspect.Report
	filter string
	vis    []int // indexes into report.Claims
	nameW  int   // the widest escaped name among them, in cells
}

// claimList returns the list for the current report and filter: the one
// refresh built, or, if something changed since, a fresh one.
func (m Model) claimList() *claimList {
	if l := m.list; l != nil && sameClaims(l.report, m.report) && l.filter == m.filter.Value() {
		return l
	}
	return newClaimList(m.report, m.filter.Value())
}

// sameClaims reports whether a and b hold the very same claims: a report
// re-timed by the clock (Model.retime) keeps its predecessor's, and
// rebuilding the list every second would cost a large token dearly.
func sameClaims(a, b *inspect.Report) bool {
	if a == nil || b == nil {
		return a == b
	}
	return len(a.Claims) == len(b.Claims) && (len(a.Claims) == 0 || &a.Claims[0] == &b.Claims[0])
}

// newClaimList keeps the claims that pass the filter (a case-insensitive
// substring of the name or the shown value).
func newClaimList(r *inspect.Report, filter string) *claimList {
	l := &claimList{report: r, filter: filter}
	if r == nil {
		return l
	}
	q := strings.ToLower(filter)
	l.vis = make([]int, 0, len(r.Claims))
	for i, c := range r.Claims {
		if q == "" || strings.Contains(strings.ToLower(c.Name), q) || strings.Contains(strings.ToLower(view.Value(c.Value)), q) {
			l.vis = append(l.vis, i)
			l.nameW = max(l.nameW, lipgloss.Width(view.Key(c.Name)))
		}
	}
	return l
}

// visibleClaims are the indexes of the report's claims that pass the
// filter.
func (m Model) visibleClaims() []int { return m.claimList().vis }

// selectedClaim is the claim under the cursor, or nil.
func (m Model) selectedClaim() *inspect.Claim {
	vis := m.visibleClaims()
	if m.claimSel < 0 || m.claimSel >= len(vis) {
		return nil
	}
	return &m.report.Claims[vis[m.claimSel]]
}

// policies are the report's policy results, allowed first.
func (m Model) policies() []policy.Result {
	if m.report == nil {
		return nil
	}
	return policy.SortResults(m.report.Policies)
}

// clampSelection keeps every cursor inside its list and in view.
func (m *Model) clampSelection() {
	m.list = m.claimList()
	n := len(m.visibleClaims())
	m.claimSel = clamp(m.claimSel, 0, n-1)
	m.claimOff = scrollTo(m.claimOff, m.claimSel, m.bodyHeight())
	if c := m.selectedClaim(); c != nil {
		m.condSel = clamp(m.condSel, 0, len(c.WouldSatisfy)-1)
	} else {
		m.condSel = 0
	}
	m.policySel = clamp(m.policySel, 0, len(m.policies())-1)
	m.policyOff = scrollTo(m.policyOff, m.policySel, m.bodyHeight())
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return min(max(v, lo), hi)
}

// scrollTo moves a list's offset the least so that sel is visible.
func scrollTo(off, sel, height int) int {
	if height <= 0 {
		return 0
	}
	if sel < off {
		return sel
	}
	if sel >= off+height {
		return sel - height + 1
	}
	return max(off, 0)
}

// wide reports whether list and detail stand side by side.
func (m Model) wide() bool { return m.width >= wideWidth }

// bodyHeight is the height of the panes: the screen less the status line,
// the tabs and the footer.
func (m Model) bodyHeight() int {
	return max(m.height-m.chromeHeight(), 1)
}

func (m Model) chromeHeight() int {
	if m.prompt != promptNone && len(m.promptChoices) > 0 {
		return 4 // and the line of Tab's choices above the prompt
	}
	return 3 // status, tabs, footer
}

// listWidth is the width of the claims list in the wide layout.
func (m Model) listWidth() int {
	return clamp(m.width*9/20, 36, 64)
}

// refresh sizes the scrolling pane (the focused pane's, or the help's,
// which takes the whole body) and rebuilds its content after anything
// changed.
func (m *Model) refresh() {
	m.list = m.claimList()
	m.vp.Width, m.vp.Height = m.width-1, m.bodyHeight()
	if !m.showHelp {
		m.vp.Width, m.vp.Height = m.shownPane().component().TextSize(*m, m.width, m.bodyHeight())
	}
	m.vp.Width = max(m.vp.Width, 10)
	y := m.vp.YOffset
	text := m.paneContent(m.vp.Width)
	m.vp.SetContent(text)
	m.vp.SetYOffset(y)
	m.vpLines = strings.Split(text, "\n")
	m.vpLongest = 0
	for _, l := range m.vpLines {
		m.vpLongest = max(m.vpLongest, ansi.StringWidth(l))
	}
	m.vpWider = m.vpLongest > m.vp.Width
	m.scrollSideways(0) // keeps the sideways scroll within the new text
}

// scrollsSideways: the scrolling text shows (the help, a text pane, the
// claim detail, an opened policy) and has a line wider than its pane.
func (m Model) scrollsSideways() bool {
	switch {
	case !m.vpWider:
		return false
	case m.showHelp:
		return true
	case m.report == nil:
		return false
	case m.pane == paneClaims:
		return m.wide()
	case m.pane == panePolicies:
		return m.policyOpen || m.reachOpen
	}
	return true
}
