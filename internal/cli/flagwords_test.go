package cli

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/internal/setting"
)

// TestFlagNamesAreInspectFlags: every setting library messages point to is
// worded as a flag inspect has (or the secret's environment variable), so
// no message sends the user to a flag that does not exist.
func TestFlagNamesAreInspectFlags(t *testing.T) {
	flags := newInspectCmd(streams{getenv: func(string) string { return "" }}).Flags()
	for _, id := range setting.All() {
		name := flagwords.Names(id)
		switch {
		case name == "":
			t.Errorf("setting %d (%s) has no flag name", id, id)
		case strings.HasPrefix(name, "--"):
			if flags.Lookup(name[2:]) == nil {
				t.Errorf("setting %d (%s) is worded %s, which inspect does not have", id, id, name)
			}
		case name != "OIDCSCOPE_SECRET":
			t.Errorf("setting %d (%s) is worded %q, neither a flag nor the secret's variable", id, id, name)
		}
	}
}
