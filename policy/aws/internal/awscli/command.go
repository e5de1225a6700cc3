// Package awscli words the aws command lines that the AWS providers
// (trust policies and IAM OIDC provider documents) print for the user:
// every value from outside quoted for the shell, and none the CLI would
// read from a local file.
package awscli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/internal/shellquote"
	"github.com/oidcscope/oidcscope/policy"
)

// ErrLocalFile: the AWS CLI replaces a parameter value that starts with
// file:// or fileb:// by the contents of that local file.
var ErrLocalFile = errors.New("starts with file:// or fileb://, which the AWS CLI reads as a local file")

// Command is an aws command line with values from outside quoted for the
// shell, or why none can be printed (shellquote's reasons, and a value
// the CLI itself would read from a file).
func Command(format string, values ...string) (string, error) {
	for _, v := range values {
		if low := strings.ToLower(v); strings.HasPrefix(low, "file://") || strings.HasPrefix(low, "fileb://") {
			return "", fmt.Errorf("the value %s %w", policy.Shorten(v, 80), ErrLocalFile)
		}
	}
	return shellquote.Command(format, values...)
}
