package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/report/view"
)

// errorsPane is the providers' error messages found in the paste (a
// message alone, a step's output, a whole job log): each explained, with
// the values it carries, the loaded policies on those values (or, with a
// token, the policies behind it) and what to paste next. It leads: its
// tab is drawn first and a report holding such a message opens on it.
// Without a token it is all the inspector shows, the problems after it.
type errorsPane struct{ textPane }

func (errorsPane) Content(m Model, b *strings.Builder) {
	if m.report.Token != nil {
		m.providerErrorsView(b)
		return
	}
	var own strings.Builder
	m.providerErrorsView(&own)
	m.errorsView(&own)
	hint := "n pastes another token · q quits"
	if m.errorCount() > 0 {
		// The message is checked against the policies loaded, and
		// loading more is what the reader is told to do next.
		hint = "n pastes another token · p loads a policy · q quits"
	}
	own.WriteString("\n" + m.st.Dim.Render(hint))
	b.WriteString(strings.TrimLeft(own.String(), "\n"))
}

// Tab is "": the tab is not numbered (the 1-5 keys keep their panes) and
// tabsLine draws it first, only when the report holds a message.
func (errorsPane) Tab(Model) string { return "" }

// errorsTab is the errors pane's tab, "" when there is no message.
func (m Model) errorsTab() string {
	if n := m.errorCount(); n > 0 {
		return fmt.Sprintf("! Errors (%d)", n)
	}
	return ""
}

func (m Model) errorCount() int {
	if m.report == nil {
		return 0
	}
	return len(m.report.ProviderErrors)
}

// noToken: the report holds no token (a pasted error alone).
func (m Model) noToken() bool { return m.report != nil && m.report.Token == nil }

// shownPane is the pane whose body shows: without a token, the errors
// pane (with the problems), whichever pane has the focus.
func (m Model) shownPane() pane {
	if m.noToken() && !m.showHelp {
		return paneErrors
	}
	return m.pane
}

// providerErrorsView lays out view.ReportedErrors, as the text report
// does: the advice on what to paste next once for all the messages.
func (m Model) providerErrorsView(b *strings.Builder) {
	st := m.st
	errs := view.ReportedErrors(m.report)
	if len(errs) == 0 {
		return
	}
	b.WriteString(st.Title.Render("Provider errors") + st.Dim.Render(fmt.Sprintf(" (%d found in the paste)", len(errs))) + "\n")
	for _, e := range errs {
		b.WriteString("\n")
		m.foundErrorView(b, e.Found)
		if len(e.Fits) > 0 {
			m.section(b, "The loaded policies on the values it carries")
			view.WriteFits(b, st.Palette, e.Fits, "quoted ", "", st.Bold.Render)
		}
		if len(e.Failing) > 0 {
			b.WriteString("\n" + st.Title.Render("The policies behind it") + st.Dim.Render(" (this token, first failing condition; 4 Policies has them in full)") + "\n")
			view.WriteFits(b, st.Palette, e.Failing, "token ", "", st.Bold.Render)
		}
	}
	if next := view.PasteNext(errs); len(next) > 0 {
		m.section(b, "Paste next")
		for _, n := range next {
			b.WriteString("  · " + n + "\n")
		}
	}
}

func (m Model) foundErrorView(b *strings.Builder, f view.FoundError) {
	st := m.st
	e := f.Entry
	b.WriteString(st.Fail.Render("✗ "+e.Head()) + "  " + st.Bold.Render(e.Title) + "\n")
	b.WriteString(st.Dim.Render(fmt.Sprintf("line %d: ", f.Line)) + f.Quoted + "\n")
	if len(f.Values) > 0 {
		m.section(b, "It carries")
		width := 0
		for _, v := range f.Values {
			width = max(width, len(v.Label))
		}
		for _, v := range f.Values {
			m.field(b, v.Label+strings.Repeat(" ", width-len(v.Label)), v.Value)
		}
	}
	b.WriteString("\n" + e.Meaning + "\n")
	b.WriteString(st.Dim.Render("the provider's text: "+e.Text) + "\n")
	if len(e.Claims) > 0 {
		m.field(b, "claims", strings.Join(e.Claims, ", "))
	}
	if len(e.Fields) > 0 {
		m.field(b, "fields", strings.Join(e.Fields, ", "))
	}
	m.section(b, "What to check")
	for i, c := range e.Check {
		b.WriteString(fmt.Sprintf("  %d. %s\n", i+1, c))
	}
	b.WriteString(st.Dim.Render("Source: "+e.Source) + "\n")
}

// errorsBehind are the messages found in the paste that a policy, denied
// for this token, is behind: matched on the blocks' provider, name and
// source, which name a policy result.
func (m Model) errorsBehind(p view.Policy) []view.FoundError {
	var out []view.FoundError
	for _, e := range view.ReportedErrors(m.report) {
		if slices.ContainsFunc(e.Failing, func(f view.PolicyFit) bool {
			return f.Provider == p.Provider && f.Name == p.Name && f.Source == p.Source
		}) {
			out = append(out, e.Found)
		}
	}
	return out
}

// errorsStatus names the messages for the status line, first: "✗
// AADSTS700213 · Entra", and how many more.
func (m Model) errorsStatus() string {
	// Drawn on every frame: the first entry's head, not every block.
	if m.report == nil || len(m.report.ProviderErrors) == 0 {
		return ""
	}
	errs := m.report.ProviderErrors
	s := m.st.Fail.Render("✗ " + view.ErrorEntryOf(errs[0].Match.Entry).Head())
	if len(errs) > 1 {
		s += m.st.Dim.Render(fmt.Sprintf(" +%d", len(errs)-1))
	}
	return s
}
