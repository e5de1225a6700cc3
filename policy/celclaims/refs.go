package celclaims

import (
	"slices"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types/ref"
)

// Ref is a value an expression reads from one of its map variables:
// Root is the variable (assertion, claims, attribute…), Key the entry.
type Ref struct{ Root, Key string }

// String is the reference as CEL writes it with a select: root.key.
func (r Ref) String() string { return r.Root + "." + r.Key }

// RefOf matches a value read, root.key or root['key'], of one of roots.
// has(root.key) is a presence test, not a read of the value: see HasRef.
func RefOf(e ast.Expr, roots ...string) (Ref, bool) {
	if e == nil {
		return Ref{}, false
	}
	switch e.Kind() {
	case ast.SelectKind:
		s := e.AsSelect()
		if root, ok := identIn(s.Operand(), roots); ok && !s.IsTestOnly() {
			return Ref{root, s.FieldName()}, true
		}
	case ast.CallKind:
		if r, ok := indexRef(e.AsCall(), roots, "_[_]"); ok {
			return r, true
		}
	}
	return Ref{}, false
}

// HasRef matches has(root.key) for one of roots.
func HasRef(e ast.Expr, roots ...string) (Ref, bool) {
	if e == nil || e.Kind() != ast.SelectKind || !e.AsSelect().IsTestOnly() {
		return Ref{}, false
	}
	s := e.AsSelect()
	if root, ok := identIn(s.Operand(), roots); ok {
		return Ref{root, s.FieldName()}, true
	}
	return Ref{}, false
}

// RefsRead lists, in order of appearance and once each, every entry of
// roots an expression reads or tests: root.key, root['key'],
// has(root.key), and the optional forms root.?key and root[?'key'] (which
// parse only where the environment enables optional types). An index that
// is not a string literal names no entry and is not listed.
func RefsRead(e ast.Expr, roots ...string) []Ref {
	if e == nil {
		return nil
	}
	var out []Ref
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		r, ok := RefOf(x, roots...)
		if !ok {
			r, ok = HasRef(x, roots...)
		}
		if !ok && x.Kind() == ast.CallKind {
			r, ok = indexRef(x.AsCall(), roots, "_[?_]", "_?._")
		}
		if ok && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}))
	return out
}

// RefAndLiteral matches ref == literal in either order, as a comparison's
// two operands a and b.
func RefAndLiteral(a, b ast.Expr, roots ...string) (Ref, ref.Val, bool) {
	if r, ok := RefOf(a, roots...); ok && b.Kind() == ast.LiteralKind {
		return r, b.AsLiteral(), true
	}
	if r, ok := RefOf(b, roots...); ok && a.Kind() == ast.LiteralKind {
		return r, a.AsLiteral(), true
	}
	return Ref{}, nil, false
}

// indexRef matches root[<string literal>] written with one of fns: the
// parser's index (_[_]) and optional forms (_[?_], _?._) all take the
// operand and the key as their two arguments.
func indexRef(c ast.CallExpr, roots []string, fns ...string) (Ref, bool) {
	args := c.Args()
	if !slices.Contains(fns, c.FunctionName()) || len(args) != 2 {
		return Ref{}, false
	}
	root, ok := identIn(args[0], roots)
	if !ok {
		return Ref{}, false
	}
	key, ok := LiteralString(args[1])
	if !ok {
		return Ref{}, false
	}
	return Ref{root, key}, true
}

// identIn matches an identifier among roots.
func identIn(e ast.Expr, roots []string) (string, bool) {
	if e == nil || e.Kind() != ast.IdentKind || !slices.Contains(roots, e.AsIdent()) {
		return "", false
	}
	return e.AsIdent(), true
}
