package teakey

import "testing"

// TestMsgNamesItself: each key comes back under the name it was asked by.
func TestMsgNamesItself(t *testing.T) {
	for _, name := range []string{"enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "pgdown", "pgup",
		"ctrl+c", "ctrl+d", "ctrl+u", "ctrl+o", "backspace", "delete", "q", "G", "?"} {
		if got := Msg(name).String(); got != name {
			t.Errorf("Msg(%q) is %q", name, got)
		}
	}
}
