package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/report/view"
)

// policiesPane is the loaded policies, allowed first, and one opened.
type policiesPane struct{}

func (policiesPane) KeyMap(k KeyMap) []key.Binding {
	return []key.Binding{described(k.Open, "open policy"), described(k.Back, "close policy"), described(k.Copy, "copy policy name"), k.WhoCanAssume, k.UnloadPolicy}
}

// KeyMapNow: an opened policy has keys of its own (policycopy.go); the
// "who can assume" table goes back to the list with esc; the list has
// none to close; an empty list has only p, which the shared keys name.
func (p policiesPane) KeyMapNow(m Model, k KeyMap) []key.Binding {
	if _, ok := m.openedPolicy(); ok {
		return openedPolicyKeys(m, k)
	}
	if len(m.policies()) == 0 {
		return nil
	}
	if m.reachOpen {
		return []key.Binding{described(k.Back, "back to the list"), described(k.Open, "open policy"), described(k.Copy, "copy policy name"), k.UnloadPolicy}
	}
	return []key.Binding{described(k.Open, "open policy"), described(k.Copy, "copy policy name"), k.WhoCanAssume, k.UnloadPolicy}
}

// Update: enter opens the selected policy; y copies its name (a role
// ARN, a credential or provider name). esc closes it among the shared
// keys, since a policy opened stays so until then whichever pane has the
// focus.
func (policiesPane) Update(m Model, msg tea.KeyMsg) (Model, tea.Cmd, bool) {
	if next, cmd, ok := m.openedPolicyKey(msg); ok {
		return next, cmd, true
	}
	var cmd tea.Cmd
	switch {
	case m.reachOpen && matches(msg, m.keys.Back):
		m.reachOpen = false
	case matches(msg, m.keys.WhoCanAssume):
		if m.reachOpen {
			m.reachOpen = false
			break
		}
		m, cmd = m.openReach()
	case matches(msg, m.keys.Open):
		m.policyOpen, m.reachOpen = len(m.policies()) > 0, false
		m.insteadSel = 0
	case matches(msg, m.keys.Copy):
		if ps := m.policies(); m.policySel < len(ps) {
			s, escaped := clipValue(ps[m.policySel].Name)
			cmd = m.copyText("the policy name", s, escaped)
		}
	case matches(msg, m.keys.UnloadPolicy):
		m, cmd = m.unloadSelected()
	default:
		return m, nil, false
	}
	return m, cmd, true
}

// unloadSelected unloads the selected policy's source (a document, with
// all its policies; each role of a list of roles has a source of its own)
// and inspects the token again without it.
func (m Model) unloadSelected() (Model, tea.Cmd) {
	ps := m.policies()
	if m.policySel >= len(ps) {
		return m, nil
	}
	source := ps[m.policySel].Source
	next, n, err := m.session.WithoutPolicies(source)
	if err != nil {
		m.setFlash("could not unload: "+err.Error(), true)
		return m, nil
	}
	m.useSession(next)
	m.policyOpen = false
	// The footer escapes the flash, the source with it.
	m.setFlash(fmt.Sprintf("unloaded %s (%d %s)", source, n, plural(n, "policy", "policies")), false)
	if m.input == nil {
		return m, nil
	}
	return m, m.reinspect()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (policiesPane) View(m Model, w, h int) string {
	if m.policyOpen || m.reachOpen {
		return m.paneView()
	}
	return m.policyList(w, h)
}

func (policiesPane) Content(m Model, b *strings.Builder) {
	if m.reachOpen {
		m.reachView(b)
		return
	}
	if ps := m.policies(); m.policyOpen && m.policySel < len(ps) {
		m.policyDetail(b, view.PolicyOf(m.report, ps[m.policySel]))
	}
}

func (policiesPane) TextSize(_ Model, w, h int) (int, int) { return w - 1, h }

func (m Model) policyList(w, h int) string {
	if m.samples.loading() {
		return m.emptyList(w, h, samplesLoading)
	}
	st := m.st
	ps := m.policies()
	if len(ps) == 0 {
		return m.emptyList(w, h, m.noPolicyListed())
	}
	// Every provider's width, not only the listed ones': the column stays
	// put as policies load and unload.
	provW := view.ProviderColumn(policy.ProviderIDs())
	same := sameNamed(ps)
	return m.listRows(len(ps), m.policyOff, m.policySel, true, w, h, func(row int) string {
		p := view.PolicyOf(m.report, ps[row])
		prov := ansi.Truncate(p.Provider, provW, "…")
		prov += strings.Repeat(" ", provW-ansi.StringWidth(prov))
		head := m.verdictBadge(p.Mark) + "  " + prov + " "
		if !p.SourceDiffers {
			return head + p.Name
		}
		name, source := p.Name, p.Source
		if same[row] {
			// Only the source tells it from the other of its name: the
			// name gives way so it shows, and a long source keeps its end
			// (the file, #index).
			room := w - 2 - ansi.StringWidth(head) - 2 // the cursor, and the gap
			if sw := ansi.StringWidth(source); sw > room/2 && ansi.StringWidth(name)+sw > room {
				source = ansi.TruncateLeft(source, sw-max(room/2, 1)+1, "…")
			}
			name = ansi.Truncate(name, max(room-ansi.StringWidth(source), 1), "…")
		}
		return head + name + st.Dim.Render("  "+source)
	})
}

// sameNamed marks the policies whose provider and name another policy
// has too (the same Google Cloud provider in two files).
func sameNamed(ps []policy.Result) []bool {
	count := map[[2]string]int{}
	for _, p := range ps {
		count[[2]string{p.Provider, p.Name}]++
	}
	out := make([]bool, len(ps))
	for i, p := range ps {
		out[i] = count[[2]string{p.Provider, p.Name}] > 1
	}
	return out
}

// noPolicyListed says why the list is empty: no policy is loaded, or the
// loaded ones were not evaluated, which happens when the token has no
// claims (its payload did not decode) to evaluate them on.
func (m Model) noPolicyListed() string {
	n := m.session.PolicyCount()
	switch {
	case n == 0:
		return "no policy loaded: press p to load a trust policy file (" + view.ProviderNames() + ")"
	case len(m.report.Claims) == 0:
		return fmt.Sprintf("%d %s loaded, not evaluated: the token has no claims to evaluate %s on (the Header pane lists its problems)",
			n, plural(n, "policy", "policies"), plural(n, "it", "them"))
	}
	return fmt.Sprintf("%d %s loaded, not evaluated", n, plural(n, "policy", "policies"))
}

// verdictBadge pads the verdict so the policies' names line up.
func (m Model) verdictBadge(mk view.Mark) string {
	return m.st.Style(mk.Tone).Render(mk.Padded(view.VerdictWidth))
}

// policyDetail is one policy opened: every condition with what the token
// holds, the diagnoses of those that failed, what the token satisfies
// instead, and the lint findings.
func (m Model) policyDetail(b *strings.Builder, p view.Policy) {
	st := m.st
	b.WriteString(st.Bold.Render(p.Name) + "  " + m.verdictBadge(p.Mark) + st.Dim.Render("  "+p.Provider+" · "+p.Source+" · esc back") + "\n")
	if p.Summary != "" {
		b.WriteString(p.Summary + "\n")
	}
	if p.Error != "" {
		b.WriteString(st.Fail.Render("error: ") + p.Error + "\n")
	}
	b.WriteString("\n")
	view.WriteConditionGroups(b, st.Palette, p.Groups(), view.ConditionLayout{
		Mark:       func(mk view.Mark) string { return m.outcomeMark(mk) + "  " },
		EveryToken: true, // an opened policy shows what the token holds for each
	})
	if p.ProviderAnswer != "" {
		b.WriteString("\n" + st.Dim.Render(p.ProviderAnswer) + "\n")
	}
	// The message the paste holds that this policy's failing conditions
	// explain: what the reader saw in the log, tied to its cause.
	if found := m.errorsBehind(p); len(found) > 0 {
		m.section(b, "Behind the error in the paste")
		for _, f := range found {
			b.WriteString(st.Fail.Render("✗ "+f.Entry.Head()) + "  " + f.Entry.Title + "\n")
			b.WriteString("  " + st.Dim.Render(fmt.Sprintf("line %d: ", f.Line)) + f.Quoted + "\n")
		}
		b.WriteString(st.Dim.Render("the first failing condition above is the likely cause; the Errors tab explains the message") + "\n")
	}
	if len(p.Instead) > 0 {
		b.WriteString("\n" + st.Title.Render(view.InsteadTitle(p.ProviderName)) + "\n")
		b.WriteString(st.Dim.Render(view.InsteadCaution) + "\n")
		hint := "Y copies it"
		if len(p.Instead) > 1 {
			hint = "Y copies the ▸ one · [ ] choose"
		}
		b.WriteString(st.Dim.Render(hint) + "\n")
		sel := clamp(m.insteadSel, 0, len(p.Instead)-1)
		for i, sn := range p.Instead {
			mark := "  "
			if i == sel && len(p.Instead) > 1 {
				mark = st.Cursor.Render("▸ ")
			}
			// A fix to the document as a whole names no claim: its note heads it.
			label := sn.Claim
			if label == "" {
				label, sn.Note = sn.Note, ""
			}
			b.WriteString(mark + st.Label.Render(label) + "\n")
			m.snippet(b, sn)
		}
	}
	if len(p.Lint) > 0 {
		m.section(b, "Lint")
		for _, f := range p.Lint {
			b.WriteString(st.Style(f.Mark.Tone).Render(f.Mark.Word) + " " + st.Dim.Render(f.Rule+": ") + f.Message + "\n")
		}
	}
}

// Tab counts the loaded policies: those evaluated, else those the
// session holds (a token without claims evaluates none).
func (policiesPane) Tab(m Model) string {
	if m.report == nil || m.samples.loading() {
		return "Policies"
	}
	if n := len(m.report.Policies); n > 0 {
		return fmt.Sprintf("Policies (%d)", n)
	}
	if n := m.session.PolicyCount(); n > 0 {
		return fmt.Sprintf("Policies (%d)", n)
	}
	return "Policies"
}
