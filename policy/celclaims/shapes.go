package celclaims

import (
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
)

// LiteralString matches a string literal.
func LiteralString(e ast.Expr) (string, bool) {
	if e == nil || e.Kind() != ast.LiteralKind {
		return "", false
	}
	s, ok := e.AsLiteral().(types.String)
	return string(s), ok
}

// StringList matches a list literal of string literals only, as in
// `claims.x in ['a', 'b']`.
func StringList(e ast.Expr) ([]string, bool) {
	if e == nil || e.Kind() != ast.ListKind {
		return nil, false
	}
	var out []string
	for _, el := range e.AsList().Elements() {
		s, ok := LiteralString(el)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}
