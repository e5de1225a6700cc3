package cli

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/internal/guard"
)

// TestDevNullIsNoTerminal: /dev/null is a character device, as a terminal
// is, but nobody reads or types there. `oidcscope --demo > /dev/null`
// (a script that wants only the exit code) printed the report into it,
// not the terminal inspector, which would wait for keys for ever.
func TestDevNullIsNoTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	if isTerminal(null) || stdinIsTerminal(null) {
		t.Fatalf("%s is taken for a terminal", os.DevNull)
	}
	var stderr strings.Builder
	code, ok := guard.Within(20*time.Second, func() int {
		return run([]string{"--demo", "--offline"}, streams{in: strings.NewReader(""), out: null, errOut: &stderr, getenv: func(string) string { return "" }}, actions.Client{})
	})
	if !ok {
		t.Fatal("oidcscope --demo > /dev/null is still running: the terminal inspector was started on /dev/null")
	}
	if code != 0 {
		t.Errorf("exit %d, want 0 (the demo's report); stderr: %s", code, stderr.String())
	}
}
