package entra

import (
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/internal/shellquote"
	"github.com/oidcscope/oidcscope/policy"
)

// errCLIFile: the Azure CLI replaces an argument that starts with "@" by
// the contents of that file.
var errCLIFile = errors.New(`starts with "@", which the Azure CLI reads as a file`)

// cliCommand is an az command line with values from outside quoted for
// the shell, or why none can be printed (shellquote's reasons, and a value
// az itself would read from a file).
func cliCommand(format string, values ...string) (string, error) {
	for _, v := range values {
		if strings.HasPrefix(v, "@") {
			return "", fmt.Errorf("the value %s %w", policy.Shorten(v, 80), errCLIFile)
		}
	}
	return shellquote.Command(format, values...)
}
