package gcpinfo

import "github.com/oidcscope/oidcscope/internal/lazyre"

var (
	digits = lazyre.New(`^[0-9]+$`)
	// memberSafe: printable ASCII without space, quotes, backquote or
	// backslash, so that the member pasted into a JSON list, a YAML line or
	// a shell word stays what it says.
	memberSafe = lazyre.New("^[!#-&(-\\[\\]-_a-~]+$")
)

// Digits reports whether an ID claim's value is decimal digits, as
// GitHub's IDs are: only then does a snippet put it in pasteable text
// unquoted.
func Digits(s string) bool { return digits().MatchString(s) }

// MemberValue reports whether s can end an IAM principal identifier as
// is (a principal://…/subject/<s>): anything else is left out rather than
// pasted raw.
func MemberValue(s string) bool { return memberSafe().MatchString(s) }
