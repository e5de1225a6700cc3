package ui

import (
	"fmt"
	"github.com/oidcscope/oidcscope/inspect"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/reach"
	"github.com/oidcscope/oidcscope/report/view"
	"github.com/oidcscope/oidcscope/simulate"
)

// reachState is the policies pane's "who can assume this" (w): reach's
// table of the selected policy for the token's repository.
type reachState struct {
	gen     int
	pending bool
	policy  string // the policy's name, for the title
	source  string // its file (with #index), which tells same-named ones apart
	table   reach.Table
	err     string
}

type reachMsg struct {
	gen   int
	table reach.Table
	err   error
}

// openReach computes the table of the selected policy, off the UI
// goroutine: reach simulates and evaluates every context its conditions
// mention.
func (m Model) openReach() (Model, tea.Cmd) {
	ps := m.policies()
	if m.policySel >= len(ps) || m.report == nil || m.report.Token == nil {
		return m, nil
	}
	sel := ps[m.policySel]
	m.reachOpen, m.policyOpen = true, false
	m.reach = reachState{gen: m.reach.gen + 1, pending: true, policy: sel.Name, source: sel.Source}
	p := m.findPolicy(sel)
	if p == nil {
		m.reach.pending = false
		m.reach.err = "this policy could not be read, so no job can assume it"
		return m, nil
	}
	base := reachBase(m.report.Token.Payload.Interface())
	gen := m.reach.gen
	return m, func() tea.Msg {
		t, err := reach.Of(p, base)
		return reachMsg{gen: gen, table: t, err: err}
	}
}

// findPolicy is the loaded policy behind a result: the same source and
// name.
func (m Model) findPolicy(r policy.Result) policy.Policy {
	l, ok := m.session.Policies().(inspect.PolicyLister)
	if !ok {
		return nil
	}
	for _, p := range l.Policies() {
		if p.Source() == r.Source && p.Name() == r.Name {
			return p
		}
	}
	return nil
}

// reachBase is the context of the token's jobs: its repository and IDs,
// audience and sub template.
func reachBase(payload any) simulate.Context {
	cl, _ := payload.(map[string]any)
	str := func(k string) string { s, _ := cl[k].(string); return s }
	c := simulate.Context{Repository: str("repository"), OwnerID: str("repository_owner_id"), RepoID: str("repository_id"), Audience: str("aud")}
	if t, err := simulate.TemplateOf(str("sub")); err == nil {
		c.SubTemplate = t
	}
	return c
}

// reachAgain computes the open table again for a new report: the
// policies, or the repository the claims name, may have changed.
func (m Model) reachAgain() (Model, tea.Cmd) {
	if !m.reachOpen {
		return m, nil
	}
	return m.openReach()
}

func (m Model) gotReach(msg reachMsg) (tea.Model, tea.Cmd) {
	if msg.gen != m.reach.gen {
		return m, nil
	}
	m.reach.pending, m.reach.table = false, msg.table
	if msg.err != nil {
		m.reach.err = msg.err.Error()
	}
	m.refresh()
	return m, nil
}

// reachView is the table: the jobs the policy lets in, then those it
// keeps out, then reach's notes.
func (m Model) reachView(b *strings.Builder) {
	st := m.st
	r := m.reach
	b.WriteString(st.Title.Render("Who can assume "+escape.Text(r.policy)) + "\n")
	if r.source != r.policy {
		b.WriteString(st.Dim.Render("from "+escape.Text(r.source)) + "\n")
	}
	repo := reachBase(m.report.Token.Payload.Interface()).Repository
	switch {
	case r.pending:
		b.WriteString(st.Dim.Render("simulating the jobs of "+escape.Text(repo)+"…") + "\n")
		return
	case r.err != "":
		b.WriteString(st.Fail.Render("✗ ") + escape.Text(r.err) + "\n")
		return
	}
	allowed, unknown := r.table.Allowed(), r.table.Unevaluated()
	tally := fmt.Sprintf("lets in %d of %d simulated jobs of %s", len(allowed), len(r.table.Rows), escape.Text(repo))
	if len(unknown) > 0 {
		// Counted apart, as the reach command counts them: their
		// verdict is unknown, neither in nor out.
		tally += fmt.Sprintf("; %d could not be evaluated", len(unknown))
	}
	b.WriteString(st.Dim.Render(tally+" · esc back") + "\n")
	var out []reach.Row
	for _, row := range r.table.Rows {
		if row.Verdict != policy.Allow && row.Verdict != policy.Error {
			out = append(out, row)
		}
	}
	m.reachRows(b, "Lets in", allowed)
	m.reachRows(b, "Keeps out", out)
	if len(unknown) > 0 {
		m.reachRows(b, "Could not be evaluated", unknown)
	}
	b.WriteString("\n" + st.Dim.Render("subject: legacy repo:OWNER/REPO; immutable repo:OWNER@ID/REPO@ID; renamed, the repository under another name. Environment other: one the policy does not name. A pull request's ref is followed by its HEAD→BASE branches.") + "\n")
	for _, n := range r.table.Notes {
		b.WriteString(st.Dim.Render("note: "+escape.Text(n)) + "\n")
	}
	for _, reason := range r.table.Reasons() {
		jobs := "jobs"
		if reason.Jobs == 1 {
			jobs = "job"
		}
		b.WriteString(st.Dim.Render(fmt.Sprintf("note: %d %s could not be evaluated: %s", reason.Jobs, jobs, escape.Text(reason.Text))) + "\n")
	}
}

// maxRefCell is the widest a ref is shown in the table.
const maxRefCell = 44

// reachRows lays rows out in columns (event, ref, environment, subject
// form) where they fit the pane, else one " · "-joined line each.
func (m Model) reachRows(b *strings.Builder, title string, rows []reach.Row) {
	st := m.st
	b.WriteString("\n" + st.Title.Render(title) + st.Dim.Render(fmt.Sprintf(" (%d)", len(rows))) + "\n")
	if len(rows) == 0 {
		b.WriteString("  " + st.Dim.Render("none") + "\n")
		return
	}
	cells := make([][4]string, len(rows))
	var widths [4]int
	for i, row := range rows {
		env := row.Environment
		if env == "" {
			env = "-"
		}
		// A merge queue's ref carries a 40-character SHA: cut, it keeps
		// the table in columns (the full ref is in reach's JSON).
		ref := ansi.Truncate(escape.Text(row.Ref), maxRefCell, "…")
		if br := row.Branches(); br != "" {
			ref += " " + escape.Text(br)
		}
		cells[i] = [4]string{escape.Text(row.Event), ref, escape.Text(env), escape.Text(row.Subject)}
		for j, c := range cells[i] {
			widths[j] = max(widths[j], lipgloss.Width(c))
		}
	}
	head := [4]string{"event", "ref", "environment", "subject"}
	for j, h := range head {
		widths[j] = max(widths[j], len(h))
	}
	columns := 5+widths[0]+widths[1]+widths[2]+widths[3]+6 <= m.vp.Width
	if columns {
		line := "   "
		for j, h := range head {
			line += "  " + h + strings.Repeat(" ", widths[j]-len(h))
		}
		b.WriteString(st.Dim.Render(strings.TrimRight(line, " ")) + "\n")
	}
	for i, row := range rows {
		sym := st.Style(view.VerdictMark(row.Verdict).Tone).Render(view.VerdictMark(row.Verdict).Symbol)
		if !columns {
			b.WriteString("  " + sym + " " + strings.Join(cells[i][:], " · ") + "\n")
			continue
		}
		line := "  " + sym
		for j, c := range cells[i] {
			line += "  " + c + strings.Repeat(" ", widths[j]-lipgloss.Width(c))
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
}
