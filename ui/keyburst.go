package ui

import tea "github.com/charmbracelet/bubbletea"

// oneByOne reports whether msg is several keys read at once (Bubble Tea
// reads "jj" typed fast, or a key held down over SSH, as one message of
// two runes) that should act one by one: on the inspector's keys, not
// while an input takes text, where the runes are typed as they are.
func (m Model) oneByOne(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste &&
		m.screen == screenInspector && !m.filtering &&
		(m.prompt == promptNone || m.prompt == promptCopyToken)
}

// eachKey hands the runes of msg to Update one at a time, so each acts,
// and what follows a key that opens an input (/ then text) goes there.
func (m Model) eachKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var next tea.Model = m
	cmds := make([]tea.Cmd, 0, len(msg.Runes))
	for _, r := range msg.Runes {
		one := msg
		one.Runes = []rune{r}
		var cmd tea.Cmd
		next, cmd = next.Update(one)
		cmds = append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}
