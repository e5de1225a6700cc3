package octosts

import (
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// Values in messages are quoted raw (escape.Quoted): every view escapes a
// whole message once, so %q here would escape them a second time.

// quotedList is xs in the shape octo-sts's %q gives a list, ["a" "b"],
// each value raw between its quotes.
func quotedList(xs []string) string {
	return "[" + strings.Join(escape.QuotedEach(xs), " ") + "]"
}

// unquoteField is the name a decoder's "unknown field" error quotes in Go
// syntax, raw again, so the message can quote it once itself.
func unquoteField(quoted string) string {
	if s, err := strconv.Unquote(quoted); err == nil {
		return s
	}
	return strings.Trim(quoted, `"`)
}
