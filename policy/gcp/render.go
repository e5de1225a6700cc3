package gcp

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// jsonString writes s as a JSON string, escaping control and invisible
// characters too (JSON leaves U+202E and other format characters raw).
func jsonString(s string) string { return policy.QuoteJSON(s, false) }

// kv is one ordered JSON object member.
type kv struct {
	key   string
	value string // JSON text
}

// object writes ordered members as an indented JSON object.
func object(members []kv, indent string) string {
	lines := make([]string, len(members))
	for i, m := range members {
		lines[i] = jsonString(m.key) + ": " + m.value
	}
	return block("{", "}", lines, indent)
}

// array writes strings as an indented JSON array.
func array(items []string, indent string) string {
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = jsonString(it)
	}
	return block("[", "]", lines, indent)
}

// block writes JSON values (already rendered) one a line between open
// and close, indented one step past indent; empty, it is open+close.
func block(open, close string, lines []string, indent string) string {
	if len(lines) == 0 {
		return open + close
	}
	var b strings.Builder
	b.WriteString(open + "\n")
	for i, l := range lines {
		b.WriteString(indent + "  " + l)
		if i < len(lines)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + close)
	return b.String()
}
