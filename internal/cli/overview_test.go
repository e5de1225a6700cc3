package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestOverviewNamesEveryCommand: the bare command's help lists every
// command there is, so a new one (simulate, reach, diff) can be found
// from `oidcscope --help` and not only from the README.
func TestOverviewNamesEveryCommand(t *testing.T) {
	root := NewRootCommand(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	_, out, _ := runCLI(t, "", "--help")
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" {
			continue
		}
		if !strings.Contains(out, "\n  oidcscope "+c.Name()+" ") && !strings.Contains(out, "\n  oidcscope "+c.Name()+"\n") {
			t.Errorf("oidcscope --help does not list %q:\n%s", c.Name(), out)
		}
	}
}
