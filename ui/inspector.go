package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/redact"
)

func (m Model) inspectorKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.filtering {
		return m.filterKey(msg)
	}
	k := m.keys
	m.flash = ""
	// The focused pane has the key first, unless esc is for the help or
	// an opened policy.
	if !matches(msg, k.Back) || !m.showHelp && !m.policyOpen {
		if next, cmd, ok := m.pane.component().Update(m, msg); ok {
			m = next
			m.clampSelection()
			m.refresh()
			return m, cmd
		}
	}
	switch {
	case matches(msg, k.Quit):
		return m, tea.Quit
	case m.noToken() && (matches(msg, k.Next) || matches(msg, k.Prev) || matches(msg, k.Views) || matches(msg, k.Filter) || matches(msg, k.Refetch)):
		// Without a token only the errors pane shows: no pane to go
		// to, no claim to filter, no key to fetch (the help lists none).
		return m, nil
	case matches(msg, k.Help):
		m.showHelp = !m.showHelp
		m.vp.GotoTop()
	case m.showHelp && matches(msg, k.Back):
		m.showHelp = false
	case m.policyOpen && matches(msg, k.Back):
		// An opened policy closes first, whichever pane has the focus.
		m.policyOpen, m.reachOpen = false, false
	case m.pane == paneCompare && matches(msg, k.Back):
		m.pane = paneClaims
	case matches(msg, k.Next):
		m.pane = m.nextPane(1)
		m.policyOpen, m.reachOpen = false, false
	case matches(msg, k.Prev):
		m.pane = m.nextPane(-1)
		m.policyOpen, m.reachOpen = false, false
	case matches(msg, k.Views):
		m.pane = nthTab(int(msg.Runes[0] - '1'))
		m.policyOpen, m.reachOpen = false, false
	case matches(msg, k.Up):
		m.move(-1)
	case matches(msg, k.Down):
		m.move(1)
	case matches(msg, k.PageUp):
		m.move(-max(m.bodyHeight()-1, 1))
	case matches(msg, k.PageDown):
		m.move(max(m.bodyHeight()-1, 1))
	case matches(msg, k.Top):
		m.move(-1 << 30)
	case matches(msg, k.Bottom):
		m.move(1 << 30)
	case matches(msg, k.Left):
		m.scrollSideways(-max(m.vp.Width/2, 1))
	case matches(msg, k.Right):
		m.scrollSideways(max(m.vp.Width/2, 1))
	case matches(msg, k.Back):
		if m.filter.Value() != "" {
			m.filter.SetValue("")
			m.clampSelection()
		}
	case matches(msg, k.Filter):
		// A new search, as in less: the old filter goes.
		m.pane = paneClaims
		m.filtering = true
		m.filter.SetValue("")
		cmd := m.filter.Focus()
		m.refresh()
		return m, cmd
	case matches(msg, k.Copy):
		return m.copySelected()
	case matches(msg, k.CopyCondition):
		return m.copyCondition()
	case matches(msg, k.PrevCondition), matches(msg, k.NextCondition):
		if matches(msg, k.PrevCondition) {
			m.condSel--
		} else {
			m.condSel++
		}
		m.clampSelection()
		m.refresh()
		m.scrollToCondition()
		return m, nil
	case matches(msg, k.Export), matches(msg, k.ExportIDs):
		if m.report == nil || m.report.Token == nil {
			return m, nil
		}
		mode := redact.Signature
		if matches(msg, k.ExportIDs) {
			mode = redact.IDs
		}
		m.setFlash("preparing the report…", false)
		return m, exportCmd(m.report, mode)
	case matches(msg, k.Undo):
		if m.whatIf.real == nil {
			return m, nil
		}
		return m.undoEdit()
	case matches(msg, k.Compare):
		// Edits are compared with the token; with none, the token with
		// the one inspected before it (n).
		if !m.canCompare() {
			m.setFlash("nothing edited: e on a claim changes it (what-if)", false)
			return m, nil
		}
		m.pane = paneCompare
		m.policyOpen, m.reachOpen = false, false
	case matches(msg, k.LoadPolicy):
		m.openPrompt(promptPolicy, "policy file: ")
	case matches(msg, k.NewToken):
		// An empty box: a paste is the next token, not more of the last.
		m.screen = screenPaste
		m.paste.clear()
		return m, nil
	case matches(msg, k.Refetch):
		if m.input == nil || m.report == nil {
			return m, nil // no report yet: the inspection under way fetches
		}
		m.gen++
		m.fetching, m.refetching = true, true
		m.setFlash("fetching keys again", false)
		return m, tea.Batch(verifyCmd(m.gen, m.session, m.realReport()), m.spin.Tick)
	default:
		return m, nil
	}
	m.clampSelection()
	m.refresh()
	return m, nil
}

// nextPane is the pane tab (d 1) or shift+tab (d -1) moves to: the
// errors pane only when the paste holds a provider's error message.
func (m Model) nextPane(d int) pane {
	p := m.pane
	for {
		p = (p + paneCount + pane(d)) % paneCount
		if p != paneCompare && (p != paneErrors || m.errorCount() > 0) {
			return p
		}
	}
}

// move moves the selection of a list pane, or scrolls a text pane (and
// the help).
func (m *Model) move(d int) {
	switch {
	case !m.showHelp && m.shownPane() == paneClaims:
		m.claimSel += d
		m.condSel = 0
	case !m.showHelp && m.shownPane() == panePolicies && !m.policyOpen && !m.reachOpen:
		m.policySel += d
	case d == -1<<30:
		m.vp.GotoTop()
		return
	case d == 1<<30:
		m.vp.GotoBottom()
		return
	case d < 0:
		m.vp.ScrollUp(-d)
		return
	default:
		m.vp.ScrollDown(d)
		return
	}
	m.clampSelection()
	m.refresh()
}

func (m Model) filterKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEnter:
		m.filtering = false
		m.filter.Blur()
	case tea.KeyEsc:
		m.filtering = false
		m.filter.Blur()
		m.filter.SetValue("")
	case tea.KeyCtrlC:
		return m, tea.Quit
	default:
		var cmd tea.Cmd
		m.filter, cmd = m.filter.Update(typed(msg))
		m.claimSel, m.claimOff = 0, 0
		m.clampSelection()
		m.refresh()
		return m, cmd
	}
	m.clampSelection()
	m.refresh()
	return m, nil
}

func (m Model) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.screen != screenInspector || msg.Action != tea.MouseActionPress {
		return m, nil
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.move(-1)
	case tea.MouseButtonWheelDown:
		m.move(1)
	default:
		return m, nil
	}
	return m, nil
}

// openPrompt asks for one line: a policy path, a token file path, or a
// yes/no.
func (m *Model) openPrompt(kind promptKind, label string) {
	m.prompt = kind
	m.promptIn = m.newInput()
	m.promptIn.Prompt = label
	m.promptIn.Focus()
	m.promptChoices = nil
}

func (m Model) promptKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	kind := m.prompt
	if kind == promptEdit {
		return m.editKey(msg)
	}
	if kind == promptAdd {
		return m.addNameKey(msg)
	}
	if kind == promptCopyToken {
		m.prompt = promptNone
		if msg.Type == tea.KeyCtrlC {
			return m, tea.Quit // as everywhere: one ctrl+c quits
		}
		if msg.String() == "y" {
			return m, m.copyToken()
		}
		m.setFlash("not copied", false)
		return m, nil
	}
	switch msg.Type {
	case tea.KeyCtrlC:
		return m, tea.Quit
	case tea.KeyEsc:
		m.prompt, m.promptChoices = promptNone, nil
		m.refresh()
		return m, nil
	case tea.KeyTab:
		// Complete the path; several choices are listed under the prompt.
		done, choices := completePath(m.promptIn.Value())
		m.promptIn.SetValue(done)
		m.promptIn.CursorEnd()
		m.promptChoices = choices
		m.refresh()
		return m, nil
	case tea.KeyEnter:
		m.prompt, m.promptChoices = promptNone, nil
		m.refresh()
		path := expandHome(strings.TrimSpace(m.promptIn.Value()))
		if path == "" {
			return m, nil
		}
		if kind == promptPolicy {
			m.setFlash("loading "+path+"…", false)
			return m, loadPoliciesCmd(m.session, m.sessionGen, path)
		}
		return m, readFileCmd(m.cfg.ReadFile, path, m.session.MaxSize())
	}
	var cmd tea.Cmd
	m.promptIn, cmd = m.promptIn.Update(typed(msg))
	if m.promptChoices != nil {
		m.promptChoices = nil
		m.refresh()
	}
	return m, cmd
}

// typed drops from typed or pasted text what must never be drawn raw: the
// inputs echo it as is (they already drop C0 and C1 controls, not format
// characters such as bidi overrides or zero-width joiners).
func typed(msg tea.KeyMsg) tea.KeyMsg {
	if msg.Type != tea.KeyRunes {
		return msg
	}
	keep := msg.Runes[:0:0]
	for _, r := range msg.Runes {
		if !escape.Unsafe(r) {
			keep = append(keep, r)
		}
	}
	msg.Runes = keep
	return msg
}

func (m Model) promptView() string {
	if m.prompt == promptCopyToken {
		return m.st.Warn.Render("Copy the whole token to the clipboard? It is a credential. y/n")
	}
	if m.prompt == promptEdit || m.prompt == promptAdd {
		return m.editPromptView()
	}
	line := m.promptIn.View() + m.st.Dim.Render("  (enter load · tab completes · esc cancel)")
	if len(m.promptChoices) == 0 {
		return line
	}
	// The names are the user's own files, escaped all the same: a file
	// name may hold any byte but / and NUL.
	names := make([]string, len(m.promptChoices))
	for i, c := range m.promptChoices {
		names[i] = escape.Text(c)
	}
	return m.st.Dim.Render(strings.Join(names, "  ")) + "\n" + line
}
