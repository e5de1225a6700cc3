package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/internal/teakey"
)

// TestCtrlCQuitsAtEveryPrompt: one ctrl+c quits wherever it is pressed,
// the question before copying the whole token included.
func TestCtrlCQuitsAtEveryPrompt(t *testing.T) {
	m, _ := demoModel(t, 100, 30)
	cases := []struct {
		name   string
		keys   []string
		prompt promptKind
	}{
		{"copy the token?", []string{"5", "y"}, promptCopyToken},
		{"policy file", []string{"p"}, promptPolicy},
		{"edit a claim", []string{"1", "e"}, promptEdit},
		{"add a claim", []string{"1", "a"}, promptAdd},
		{"no prompt", nil, promptNone},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			at := keys(t, m, c.keys...)
			if at.prompt != c.prompt {
				t.Fatalf("%v opened prompt %d, want %d", c.keys, at.prompt, c.prompt)
			}
			_, cmd := at.Update(teakey.Msg("ctrl+c"))
			if cmd == nil || cmd() != tea.Quit() {
				t.Errorf("ctrl+c at the %s prompt does not quit", c.name)
			}
		})
	}
}
