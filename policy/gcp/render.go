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
	if len(members) == 0 {
		return "{}"
	}
	var b strings.Builder
	b.WriteString("{\n")
	for i, m := range members {
		b.WriteString(indent + "  " + jsonString(m.key) + ": " + m.value)
		if i < len(members)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "}")
	return b.String()
}

func array(items []string, indent string) string {
	if len(items) == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteString("[\n")
	for i, it := range items {
		b.WriteString(indent + "  " + jsonString(it))
		if i < len(items)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(indent + "]")
	return b.String()
}
