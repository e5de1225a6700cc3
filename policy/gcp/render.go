package gcp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// jsonString writes s as a JSON string, escaping control and invisible
// characters too (JSON leaves U+202E and other format characters raw).
func jsonString(s string) string {
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
		case r > 0xffff && !strconv.IsPrint(r):
			// JSON has no \U escape: write the UTF-16 surrogate pair.
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

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
