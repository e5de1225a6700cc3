package vault

import (
	"regexp"
	"strings"
)

var (
	quoted  = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'[^']*'`)
	numbers = regexp.MustCompile(`-?[0-9][0-9.e+]*`)
)

// family is a message with its quoted parts and numbers blanked, so that
// answers differing only in the claim or value they name count as one
// kind.
func family(msg string) string {
	msg = quoted.ReplaceAllString(msg, `"…"`)
	msg = numbers.ReplaceAllString(msg, "N")
	if i := strings.Index(msg, ": map["); i >= 0 {
		msg = msg[:i] + ": …"
	}
	if i := strings.Index(msg, "claim is not a string: "); i >= 0 {
		msg = msg[:i] + "claim is not a string: …"
	}
	return msg
}
