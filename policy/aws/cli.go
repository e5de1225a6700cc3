package aws

import (
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/internal/shellquote"
	"github.com/oidcscope/oidcscope/policy"
)

// errLocalFile: the AWS CLI replaces a parameter value that starts with
// file:// or fileb:// by the contents of that local file.
var errLocalFile = errors.New("starts with file:// or fileb://, which the AWS CLI reads as a local file")

// cliCommand is an aws command line with values from outside quoted for
// the shell, or why none can be printed (shellquote's reasons, and a
// value the CLI itself would read from a file).
func cliCommand(format string, values ...string) (string, error) {
	for _, v := range values {
		if low := strings.ToLower(v); strings.HasPrefix(low, "file://") || strings.HasPrefix(low, "fileb://") {
			return "", fmt.Errorf("the value %s %w", policy.Shorten(v, 80), errLocalFile)
		}
	}
	return shellquote.Command(format, values...)
}
