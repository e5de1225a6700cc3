package oidcprovider

import (
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/internal/shellquote"
)

// errLocalFile: the AWS CLI replaces a parameter value that starts with
// file:// or fileb:// by the contents of that local file.
var errLocalFile = errors.New("starts with file:// or fileb://, which the AWS CLI reads as a local file")

// cliCommand is an aws command line with the values from outside quoted
// for the shell, or why none can be printed.
func cliCommand(format string, values ...string) (string, error) {
	for _, v := range values {
		if low := strings.ToLower(v); strings.HasPrefix(low, "file://") || strings.HasPrefix(low, "fileb://") {
			return "", fmt.Errorf("the value %q %w", v, errLocalFile)
		}
	}
	return shellquote.Command(format, values...)
}
