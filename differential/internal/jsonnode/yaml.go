package jsonnode

import (
	"regexp"
	"strings"
)

// plainSafe are strings YAML may write unquoted (but for a final colon,
// which would start a mapping); some of them (yes, on,
// 123, null, ~) YAML 1.1 and 1.2 read as booleans, numbers or null,
// which is the point of writing them plain.
var plainSafe = regexp.MustCompile(`^[A-Za-z0-9~][A-Za-z0-9:/._@+-]*$`)

// YAMLText renders a node as block YAML, as a user writes a
// --authentication-config file. Strings are double-quoted (a JSON string
// is a valid YAML double-quoted scalar) unless plain is set and they are
// plainSafe; objects and arrays nest by indentation.
func (n Node) YAMLText(plain bool) string {
	var b strings.Builder
	n.writeYAML(&b, 0, plain)
	return b.String()
}

func (n Node) writeYAML(b *strings.Builder, indent int, plain bool) {
	pad := strings.Repeat("  ", indent)
	switch {
	case n.IsObj:
		for _, mb := range n.Members {
			b.WriteString(pad + yamlScalar(Quote(mb.Key), plain) + ":")
			mb.Val.writeYAMLValue(b, indent, plain)
		}
	case n.IsArr:
		for _, it := range n.Items {
			b.WriteString(pad + "-")
			it.writeYAMLValue(b, indent, plain)
		}
	default:
		b.WriteString(pad + yamlScalar(n.Raw, plain) + "\n")
	}
}

// writeYAMLValue writes a member's or item's value after its key or
// dash: a scalar or an empty collection on the same line, else nested.
func (n Node) writeYAMLValue(b *strings.Builder, indent int, plain bool) {
	switch {
	case n.IsObj && len(n.Members) == 0:
		b.WriteString(" {}\n")
	case n.IsArr && len(n.Items) == 0:
		b.WriteString(" []\n")
	case n.IsObj || n.IsArr:
		b.WriteString("\n")
		n.writeYAML(b, indent+1, plain)
	default:
		b.WriteString(" " + yamlScalar(n.Raw, plain) + "\n")
	}
}

// yamlScalar is a JSON scalar's YAML text.
func yamlScalar(raw string, plain bool) string {
	if plain && strings.HasPrefix(raw, `"`) {
		if s := Unquote(raw); plainSafe.MatchString(s) && !strings.HasSuffix(s, ":") {
			return s
		}
	}
	return raw
}
