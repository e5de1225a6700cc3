package vault

import (
	"sort"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
)

// goValue prints a role value the way Vault's messages print it: with
// fmt's %v on what its JSON decoding made of it (numbers are json.Number,
// so they keep their text; null is <nil>; a list is [a b]; an object is
// map[k:v] with its keys sorted, the last of duplicate keys winning).
func goValue(v decode.Value) string {
	var b strings.Builder
	writeGoValue(&b, v)
	return b.String()
}

func writeGoValue(b *strings.Builder, v decode.Value) {
	switch v.Kind {
	case decode.Null:
		b.WriteString("<nil>")
	case decode.Array:
		b.WriteByte('[')
		for i, it := range v.Items {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeGoValue(b, it)
		}
		b.WriteByte(']')
	case decode.Object:
		last := map[string]decode.Value{}
		for _, m := range v.Members {
			last[m.Key] = m.Value
		}
		keys := make([]string, 0, len(last))
		for k := range last {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("map[")
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(k)
			b.WriteByte(':')
			writeGoValue(b, last[k])
		}
		b.WriteByte(']')
	default: // string, json.Number, bool: their text
		b.WriteString(v.Text)
	}
}

// goTypeName names the Go type Vault's JSON decoding gives a value, as
// mapstructure's errors print it.
func goTypeName(v decode.Value) string {
	switch v.Kind {
	case decode.Array:
		return "[]interface {}"
	case decode.Object:
		return "map[string]interface {}"
	case decode.Bool:
		return "bool"
	case decode.Number:
		return "json.Number"
	}
	return "string"
}
