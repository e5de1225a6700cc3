package vault

import (
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/internal/shellquote"
	"github.com/oidcscope/oidcscope/policy"
)

// errCLIInput: vault write reads a key=value whose value starts with "@"
// from that file, and one whose value is "-" from standard input.
var errCLIInput = errors.New(`starts with "@" or is "-", which vault write reads from a file or standard input`)

// cliCommand is a vault command line with values from outside quoted for
// the shell, or why none can be printed (shellquote's reasons, and a value
// vault itself would read from elsewhere).
func cliCommand(format string, values ...string) (string, error) {
	for _, v := range values {
		if strings.HasPrefix(v, "@") || v == "-" {
			return "", fmt.Errorf("the value %s %w", policy.Shorten(v, 80), errCLIInput)
		}
	}
	return shellquote.Command(format, values...)
}
