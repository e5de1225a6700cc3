package gcp

import (
	"fmt"
	"slices"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"

	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// compiled is one CEL expression of a provider, compiled once by Parse.
type compiled struct {
	src   string // as written
	field string // where: attributeCondition, attributeMapping["google.subject"]
	prg   cel.Program
	root  ast.Expr
	refs  []celclaims.Ref  // what it reads, in order of appearance: assertion.<claim>, google.<subject|groups>, attribute.<key>
	terms []celclaims.Term // top-level && terms (conditions with more than one)
	err   string           // compile problem; "" when compiled
	local bool             // err is oidcscope's limit (a Google Cloud-only function)
}

// googleCEL words Google Cloud's compilation failures. Its ProviderOnly
// are the functions Google Cloud documents for attribute mappings and
// conditions that cel-go does not provide.
var googleCEL = celclaims.Dialect{
	CompileFailed:  "CEL compilation failed: ",
	PlanFailed:     "CEL program instantiation failed: ",
	ProviderOnly:   []string{"extract"},
	NotImplemented: " is a Google Cloud CEL function that oidcscope does not implement: Google Cloud may accept this expression",
}

// compileCEL compiles src. A condition must be typed bool (or dyn, checked
// when evaluated); a mapping may read only assertion. An expression whose
// own literals cost more than celclaims.CostLimit is refused here, as
// oidcscope's limit: Google Cloud's is not published.
func compileCEL(rt *celclaims.Runtime, src, field string, condition bool) *compiled {
	c := &compiled{src: src, field: field}
	if strings.TrimSpace(src) == "" {
		c.err = "the expression is empty"
		return c
	}
	cc := googleCEL.Compile(rt, src, field, func(a *cel.Ast) string {
		if !condition {
			if id := identNamed(a.NativeRep().Expr(), varGoogle, varAttribute); id != "" {
				return fmt.Sprintf("an attribute mapping reads only assertion (the token's claims); %s is what the mappings produce, readable in attributeCondition", id)
			}
			return ""
		}
		if t := a.OutputType(); !t.IsExactType(cel.BoolType) && !t.IsExactType(cel.DynType) {
			return fmt.Sprintf("the attribute condition must output a boolean; this expression is typed %s", t)
		}
		return ""
	})
	if cc.Err != "" {
		c.err, c.local = cc.Err, cc.Local
		return c
	}
	root := cc.Ast.NativeRep().Expr()
	c.prg, c.root = cc.Prg, root
	c.refs = refsRead(root)
	if condition {
		c.terms = compileTerms(rt, src, root)
	}
	return c
}

// compileTerms compiles each top-level && term, as written when the text
// split of src matches the parsed expression term for term, else as CEL
// prints the term.
func compileTerms(rt *celclaims.Runtime, src string, root ast.Expr) []celclaims.Term {
	env := rt.Env()
	parts := celclaims.AndTerms(root)
	if len(parts) < 2 {
		return nil
	}
	texts := splitAnd(src)
	if len(texts) != len(parts) {
		texts = nil
	}
	whole, iss := env.Parse(src)
	if iss != nil && iss.Err() != nil {
		texts = nil
	}
	var info *ast.SourceInfo
	if whole != nil {
		info = whole.NativeRep().SourceInfo()
	}
	for i, p := range celclaims.AndTerms(astExpr(whole)) {
		if texts == nil || i >= len(texts) {
			break
		}
		want, err1 := cel.ExprToString(p, info)
		got, iss := env.Parse(texts[i])
		if err1 != nil || iss != nil && iss.Err() != nil {
			texts = nil
			break
		}
		if s, err := cel.AstToString(got); err != nil || s != want {
			texts = nil
		}
	}
	out := make([]celclaims.Term, 0, len(parts))
	for i, p := range parts {
		text := ""
		if texts != nil {
			text = texts[i]
		} else if s, err := cel.ExprToString(p, nil); err == nil {
			text = s
		}
		t := celclaims.Term{Text: text, Root: p, Refs: refsRead(p)}
		if a, prg, ok := rt.CompileTerm(text); text != "" && ok {
			t.Prg, t.Root = prg, a.NativeRep().Expr()
		}
		out = append(out, t)
	}
	return out
}

func astExpr(a *cel.Ast) ast.Expr {
	if a == nil {
		return nil
	}
	return a.NativeRep().Expr()
}

// refOf matches assertion.x, assertion['x'], google.x, attribute.x.
func refOf(e ast.Expr) (celclaims.Ref, bool) {
	return celclaims.RefOf(e, varAssertion, varGoogle, varAttribute)
}

// refsRead lists, in order of appearance, what an expression reads
// (has(assertion.x) included).
func refsRead(e ast.Expr) []celclaims.Ref {
	return celclaims.RefsRead(e, varAssertion, varGoogle, varAttribute)
}

// identNamed returns the first identifier among names that e reads.
func identNamed(e ast.Expr, names ...string) string {
	found := ""
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		if found == "" && x.Kind() == ast.IdentKind && slices.Contains(names, x.AsIdent()) {
			found = x.AsIdent()
		}
	}))
	return found
}
