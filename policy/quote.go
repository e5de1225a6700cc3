package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
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
