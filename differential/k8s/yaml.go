package k8s

import (
	"regexp"
	"strings"
)

// plainSafe are strings YAML may write unquoted (but for a final colon,
// which would start a mapping); some of them (yes, on,
// 123, null, ~) YAML 1.1 and 1.2 read as booleans, numbers or null,
// which is the point of writing them plain.
var plainSafe = regexp.MustCompile(`^[A-Za-z0-9~][A-Za-z0-9:/._@+-]*$`)

// yamlText renders a node as block YAML, as a user writes a
// --authentication-config file. Strings are double-quoted (a JSON string
// is a valid YAML double-quoted scalar) unless plain is set and they are
// plainSafe; objects and arrays nest by indentation.
func (n node) yamlText(plain bool) string {
	var b strings.Builder
	n.writeYAML(&b, 0, plain)
	return b.String()
}

func (n node) writeYAML(b *strings.Builder, indent int, plain bool) {
	pad := strings.Repeat("  ", indent)
	switch {
	case n.isObj:
		for _, mb := range n.members {
			b.WriteString(pad + yamlScalar(quote(mb.key), plain) + ":")
			mb.val.writeYAMLValue(b, indent, plain)
		}
	case n.isArr:
		for _, it := range n.items {
			b.WriteString(pad + "-")
			it.writeYAMLValue(b, indent, plain)
		}
	default:
		b.WriteString(pad + yamlScalar(n.raw, plain) + "\n")
	}
}

// writeYAMLValue writes a member's or item's value after its key or
// dash: a scalar or an empty collection on the same line, else nested.
func (n node) writeYAMLValue(b *strings.Builder, indent int, plain bool) {
	switch {
	case n.isObj && len(n.members) == 0:
		b.WriteString(" {}\n")
	case n.isArr && len(n.items) == 0:
		b.WriteString(" []\n")
	case n.isObj || n.isArr:
		b.WriteString("\n")
		n.writeYAML(b, indent+1, plain)
	default:
		b.WriteString(" " + yamlScalar(n.raw, plain) + "\n")
	}
}

// yamlScalar is a JSON scalar's YAML text.
func yamlScalar(raw string, plain bool) string {
	if plain && strings.HasPrefix(raw, `"`) {
		if s := unquote(raw); plainSafe.MatchString(s) && !strings.HasSuffix(s, ":") {
			return s
		}
	}
	return raw
}
