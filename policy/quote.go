package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// QuoteJSON writes s as a JSON string for a suggested document, escaping
// control and invisible characters too: JSON leaves U+202E and the other
// format characters raw, and token values are hostile. An invisible
// character beyond U+FFFF is written as a UTF-16 surrogate pair (JSON has
// no longer escape) or, with yaml, as YAML's \U escape: a YAML document
// reads the rest of the JSON string the same.
func QuoteJSON(s string, yaml bool) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	out := strings.TrimSuffix(buf.String(), "\n")
	var b strings.Builder
	for _, r := range out {
		switch {
		case r > 0x7e && r <= 0xffff && !strconv.IsPrint(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		case r > 0xffff && !strconv.IsPrint(r) && yaml:
			fmt.Fprintf(&b, `\U%08x`, r)
		case r > 0xffff && !strconv.IsPrint(r):
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// IndentJSON writes v as a suggested document: two-space indent, a final
// newline, and <, > and & left as they are (they are data, not HTML).
func IndentJSON(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// QuoteCEL writes s as a single-quoted CEL string literal: quotes,
// backslashes and every control or invisible character escaped, so a
// hostile claim value can neither end the literal nor hide in the
// terminal. It is celclaims.Quote's rule; the core cannot import
// celclaims (which imports the core) to fill lint examples.
func QuoteCEL(s string) string {
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
