package k8s

import (
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/types"
)

// selects reports whether e selects claims.<field> or claims.?<field>
// (has(claims.<field>) included), as kube-apiserver's hasSelectExp does
// for its email_verified rule. The index form claims['<field>'] does not
// count: Kubernetes does not see it (an upstream gap, linted by
// RuleEmailIndexForm).
func selects(e ast.Expr, field string) bool {
	found := false
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		switch x.Kind() {
		case ast.SelectKind:
			s := x.AsSelect()
			found = found || (isClaimsIdent(s.Operand()) && s.FieldName() == field)
		case ast.CallKind:
			c := x.AsCall()
			if !c.IsMemberFunction() && c.FunctionName() == operators.OptSelect && len(c.Args()) == 2 && isClaimsIdent(c.Args()[0]) {
				if l := c.Args()[1]; l.Kind() == ast.LiteralKind && l.AsLiteral() == types.String(field) {
					found = true
				}
			}
		}
	}))
	return found
}

func isClaimsIdent(e ast.Expr) bool { return e.Kind() == ast.IdentKind && e.AsIdent() == varClaims }

// indexes reports whether e reads claims['<field>'] (or claims[?'<field>']).
func indexes(e ast.Expr, field string) bool {
	found := false
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		if x.Kind() != ast.CallKind {
			return
		}
		c := x.AsCall()
		if (c.FunctionName() == operators.Index || c.FunctionName() == operators.OptIndex) && len(c.Args()) == 2 && isClaimsIdent(c.Args()[0]) {
			if l := c.Args()[1]; l.Kind() == ast.LiteralKind && l.AsLiteral() == types.String(field) {
				found = true
			}
		}
	}))
	return found
}
