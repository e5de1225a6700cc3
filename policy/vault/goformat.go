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
		writeGoList(b, "[", v.Items, func(it decode.Value) { writeGoValue(b, it) })
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
		writeGoList(b, "map[", keys, func(k string) {
			b.WriteString(k)
			b.WriteByte(':')
			writeGoValue(b, last[k])
		})
	default: // string, json.Number, bool: their text
		b.WriteString(v.Text)
	}
}

// writeGoList writes a slice or a map as %v does: after open, the
// elements separated by spaces, then "]".
func writeGoList[T any](b *strings.Builder, open string, elems []T, write func(T)) {
	b.WriteString(open)
	for i, e := range elems {
		if i > 0 {
			b.WriteByte(' ')
		}
		write(e)
	}
	b.WriteByte(']')
}
