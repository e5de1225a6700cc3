package ui

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/reach"
	"github.com/oidcscope/oidcscope/simulate"
)

// openEdit asks for a new value of the selected claim: its value to
// change, and, where oidcscope knows the values GitHub issues, those to
// pick with tab.
func (m Model) openEdit() Model {
	c := m.selectedClaim()
	if c == nil || m.report.Token == nil {
		return m
	}
	vis := m.visibleClaims()
	m.editAt = vis[m.claimSel]
	m.openPrompt(promptEdit, "edit "+escape.Text(c.Name)+": ")
	// The input echoes what it holds: a hostile value goes in escaped.
	cur := escape.Text(editText(c.Value))
	m.promptIn.SetValue(cur)
	m.promptIn.CursorEnd()
	m.promptChoices = m.knownValues(c.Name, c.Value)
	m.editPick = slices.Index(m.promptChoices, cur)
	m.refresh()
	return m
}

// knownValues are the values GitHub issues for a claim, where simulate
// and reach list them: the events, ref types, runners, and this token's
// sub in the legacy and immutable forms; for environment, those the
// loaded policies name.
func (m Model) knownValues(name string, v decode.Value) []string {
	switch name {
	case "event_name":
		return reach.Events()
	case "ref_type":
		return simulate.RefTypes()
	case "runner_environment":
		return simulate.RunnerEnvironments()
	case "environment":
		return policyEnvironments(m.realReport().Policies)
	case "sub":
		if v.Kind != decode.String {
			return nil
		}
		cl := claimMap(m.report.Token.Payload)
		var out []string
		for _, form := range []simulate.SubjectForm{simulate.LegacyForm, simulate.ImmutableForm} {
			if s, err := simulate.ResubjectAs(cl, v.Text, form); err == nil && pickable(s) && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
		if len(out) < 2 {
			return nil // one form only: nothing to pick
		}
		return out
	}
	return nil
}

// pickable says whether a value built from a token or a policy may be
// offered on tab: a pick goes into the input as it is, so one that
// escaping would change (a control or format character) is not offered.
func pickable(s string) bool { return escape.Text(s) == s }

// editText is a claim's value as typed: a string as it is, anything else
// as JSON.
func editText(v decode.Value) string {
	if v.Kind == decode.String {
		return v.Text
	}
	data, err := v.MarshalJSON()
	if err != nil {
		return ""
	}
	return string(data)
}

// typedValue is what the input holds as the claim's new value: a string
// stays a string; another kind reads the input as JSON, and as a string
// when it is not JSON.
func typedValue(old decode.Value, text string) decode.Value {
	if old.Kind != decode.String {
		if v, errs := decode.ParseJSON("payload", []byte(text)); len(errs) == 0 {
			return v
		}
	}
	return decode.Value{Kind: decode.String, Text: text}
}

func (m Model) editKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch msg.Type {
	case tea.KeyCtrlC:
		return m, tea.Quit
	case tea.KeyEsc:
		m.prompt, m.promptChoices, m.addName = promptNone, nil, ""
		m.refresh()
		return m, nil
	case tea.KeyTab, tea.KeyShiftTab:
		if n := len(m.promptChoices); n > 0 {
			d := 1
			if msg.Type == tea.KeyShiftTab {
				d = n - 1
			}
			if m.editPick < 0 && d != 1 {
				m.editPick = 0
			}
			m.editPick = (m.editPick + d) % n
			m.promptIn.SetValue(m.promptChoices[m.editPick])
			m.promptIn.CursorEnd()
		}
		return m, nil
	case tea.KeyEnter:
		m.prompt, m.promptChoices = promptNone, nil
		if name := m.addName; name != "" {
			m.addName = ""
			if m.promptIn.Value() == "" {
				m.setFlash("nothing added", false)
				m.refresh()
				return m, nil
			}
			next, cmd := m.applyAdd(name, m.promptIn.Value())
			next.refresh()
			return next, cmd
		}
		c := m.report.Token.Payload.Members
		if m.editAt < 0 || m.editAt >= len(c) {
			m.refresh()
			return m, nil
		}
		old := c[m.editAt].Value
		if m.promptIn.Value() == "" && m.addedClaim(c[m.editAt].Key) {
			// An added claim emptied is taken out again: GitHub leaves
			// out, not empties, a claim such as environment.
			next, cmd := m.deleteClaim(m.editAt)
			next.refresh()
			return next, cmd
		}
		// The prompt showed the value escaped: that text back is no edit.
		unchanged := m.promptIn.Value() == escape.Text(editText(old))
		v := typedValue(old, m.promptIn.Value())
		if unchanged || editText(v) == editText(old) && v.Kind == old.Kind {
			m.setFlash("unchanged", false)
			m.refresh()
			return m, nil
		}
		next, cmd := m.applyEdit(m.editAt, v)
		next.refresh()
		return next, cmd
	}
	var cmd tea.Cmd
	m.promptIn, cmd = m.promptIn.Update(typed(msg))
	m.editPick = slices.Index(m.promptChoices, m.promptIn.Value())
	return m, cmd
}

// editPromptView is the edit prompt, the known values above it (the
// chosen one bracketed), cut from the left so the chosen one shows.
func (m Model) editPromptView() string {
	hint := "  (enter apply · esc cancel)"
	if m.prompt == promptAdd {
		hint = "  (enter asks its value · esc cancel)"
	}
	line := m.promptIn.View() + m.st.Dim.Render(hint)
	if len(m.promptChoices) == 0 {
		return line
	}
	names := make([]string, len(m.promptChoices))
	for i, c := range m.promptChoices {
		names[i] = escape.Text(c)
		if i == m.editPick {
			names[i] = "[" + names[i] + "]"
		}
	}
	head := "tab picks: "
	from := 0
	for from < max(m.editPick, 0) && lipgloss.Width(head+strings.Join(names[from:], "  ")) > m.width {
		from++
	}
	if from > 0 {
		head += "… "
	}
	return m.st.Dim.Render(head+strings.Join(names[from:], "  ")) + "\n" + line
}
