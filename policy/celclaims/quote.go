package celclaims

import (
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// Quote writes s as a single-quoted CEL string literal: quotes,
// backslashes and every control or invisible character escaped, so a
// hostile claim value cannot end the literal or hide in the terminal.
func Quote(s string) string {
	if escape.Verbatim(s) {
		return "'" + s + "'"
	}
	q := strconv.Quote(s) // Go escapes are valid CEL escapes; invisible characters are escaped
	inner := q[1 : len(q)-1]
	var b strings.Builder
	b.WriteByte('\'')
	for i := 0; i < len(inner); i++ {
		switch ch := inner[i]; {
		case ch == '\\' && i+1 < len(inner) && inner[i+1] == '"':
			// A double quote needs no escape inside single quotes.
			b.WriteByte('"')
			i++
		case ch == '\\' && i+1 < len(inner):
			b.WriteByte('\\')
			b.WriteByte(inner[i+1])
			i++
		case ch == '\'':
			b.WriteString(`\'`)
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
