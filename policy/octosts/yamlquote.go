package octosts

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
)

// yamlQuote writes s as a YAML double-quoted scalar that reads back as
// exactly s: printable characters as they are, everything else (controls,
// format characters, line and paragraph separators, BOM, invalid UTF-8 as
// U+FFFD) escaped. Token values are hostile; a suggestion must never let
// one break out of its scalar.
func yamlQuote(s string) string {
	if escape.Verbatim(s) {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r > 0x7f && r != utf8.RuneError && unicode.IsPrint(r) && r != 0xfeff:
			b.WriteRune(r)
		case r > 0xffff:
			fmt.Fprintf(&b, `\U%08X`, r)
		default:
			fmt.Fprintf(&b, `\u%04X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
