package setting

import "testing"

// TestName: a caller's word wins; nil Names, or "" for a setting, leaves
// the neutral name, and every setting has one.
func TestName(t *testing.T) {
	say := Names(func(id ID) string {
		if id == Offline {
			return "--offline"
		}
		return ""
	})
	if got := say.Name(Offline); got != "--offline" {
		t.Errorf("Name(Offline) = %q, want the caller's --offline", got)
	}
	if got := say.Name(Key); got != "a key file" {
		t.Errorf("Name(Key) = %q, want the neutral name", got)
	}
	for _, id := range All() {
		if got := Names(nil).Name(id); got == "" || got == ID(0).String() {
			t.Errorf("setting %d has no neutral name (%q)", id, got)
		}
	}
}
