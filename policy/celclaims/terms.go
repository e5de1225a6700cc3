package celclaims

import (
	"errors"
	"fmt"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
)

// Term is one top-level && operand of an expression, compiled on its own
// so that a false expression can say which of its terms is false.
type Term struct {
	Text string      // as written where that can be told, else as CEL prints it
	Prg  cel.Program // nil when the term does not compile on its own
	Root ast.Expr    // the term, for diagnoses by its shape
	Refs []Ref       // what it reads, in order of appearance
}

// AndTerms flattens the top-level conjunction (the parser nests && as a
// balanced tree) into the expressions each Term is made from.
func AndTerms(e ast.Expr) []ast.Expr {
	if e == nil {
		return nil
	}
	if e.Kind() == ast.CallKind && e.AsCall().FunctionName() == "_&&_" {
		var out []ast.Expr
		for _, a := range e.AsCall().Args() {
			out = append(out, AndTerms(a)...)
		}
		return out
	}
	return []ast.Expr{e}
}

// Expected is what an expression accepts, for a condition's Expected
// column: with terms, the text of each (all of them must hold); else the
// literal of a lone `ref == literal` on one of roots; else "true". A nil
// root (the expression did not compile) expects nothing.
func Expected(root ast.Expr, terms []Term, roots ...string) []string {
	if root == nil {
		return nil
	}
	if len(terms) > 0 {
		out := make([]string, 0, len(terms))
		for _, t := range terms {
			out = append(out, t.Text)
		}
		return out
	}
	if root.Kind() == ast.CallKind && root.AsCall().FunctionName() == "_==_" {
		args := root.AsCall().Args()
		if _, lit, ok := RefAndLiteral(args[0], args[1], roots...); ok {
			if s, isStr := lit.(types.String); isStr {
				return []string{string(s)}
			}
			return []string{fmt.Sprint(lit.Value())}
		}
	}
	return []string{"true"}
}

// Untrue evaluates, with m, each term of an expression that was false or
// failed (a term that does not compile on its own is passed over) and
// calls untrue for each that is not true: err is its failure, one that
// wraps ErrCostLimit when oidcscope's bounds stopped it, and nil when the
// term is false.
func (m *Meter) Untrue(terms []Term, vars map[string]any, untrue func(t Term, err error)) {
	for _, t := range terms {
		if t.Prg == nil {
			continue
		}
		out, err := m.Eval(t.Prg, vars)
		if err != nil || out != types.True {
			untrue(t, err)
		}
	}
}

// TermFailure is the diagnosis line of a term that failed (label names
// it): a term oidcscope's bounds stopped is not explained, which says
// nothing about the expression; any other failure fails it.
func TermFailure(label string, err error) string {
	if errors.Is(err, ErrCostLimit) {
		return fmt.Sprintf("%s is not explained: %v", label, err)
	}
	return fmt.Sprintf("%s fails: %v", label, err)
}
