package k8s

import (
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// celReserved are the words Kubernetes escapes as __word__ in CEL field
// names (k8s.io/apiserver/pkg/cel/escaping.go).
var celReserved = []string{
	"true", "false", "null", "in",
	"as", "break", "const", "continue", "else",
	"for", "function", "if", "import", "let",
	"loop", "package", "namespace", "return",
	"var", "void", "while",
}

var escapedPart = lazyre.New(`(_{2}[^_]+_{2})`)

// unescape is Kubernetes' cel.Unescape: the claim name a CEL field name
// stands for (claims.a__dot__b reads the claim "a.b"); ok is false for a
// name with an unknown __x__ part, which then reads no claim at all.
// Kubernetes applies it to every top-level claim lookup, so a claim
// literally named "a__dot__b" cannot be read (an upstream quirk).
func unescape(escaped string) (string, bool) {
	if !strings.Contains(escaped, "__") {
		return escaped, true // nothing to unescape: most names, and the loops that read them
	}
	ok := true
	out := escapedPart().ReplaceAllStringFunc(escaped, func(s string) string {
		contents := s[2 : len(s)-2]
		switch contents {
		case "underscores":
			return "__"
		case "dot":
			return "."
		case "dash":
			return "-"
		case "slash":
			return "/"
		}
		if slices.Contains(celReserved, contents) {
			if len(s) != len(escaped) {
				ok = false
			}
			return contents
		}
		ok = false
		return ""
	})
	return out, ok
}
