package gcp

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// celRef is a value an expression reads: assertion.<claim>,
// google.<subject|groups> or attribute.<key>.
type celRef struct{ root, key string }

func (r celRef) String() string { return r.root + "." + r.key }

// compiled is one CEL expression of a provider, compiled once by Parse.
type compiled struct {
	src   string // as written
	field string // where: attributeCondition, attributeMapping["google.subject"]
	prg   cel.Program
	root  ast.Expr
	refs  []celRef // what it reads, in order of appearance
	terms []term   // top-level && terms (conditions with more than one)
	err   string   // compile problem; "" when compiled
	local bool     // err is oidcscope's limit (a Google Cloud-only function)
}

// term is one top-level && operand of a condition, compiled on its own so
// that a false condition can say which term is false.
type term struct {
	text string
	prg  cel.Program
	root ast.Expr
	refs []celRef
}

var undeclared = regexp.MustCompile(`undeclared reference to '([^']+)'`)

// compileCEL compiles src. A condition must be typed bool (or dyn, checked
// when evaluated); a mapping may read only assertion.
func compileCEL(env *cel.Env, src, field string, condition bool) *compiled {
	c := &compiled{src: src, field: field}
	if strings.TrimSpace(src) == "" {
		c.err = "the expression is empty"
		return c
	}
	a, iss := env.CompileSource(common.NewStringSource(src, field))
	if iss != nil && iss.Err() != nil {
		c.err = "CEL compilation failed: " + iss.String()
		for _, m := range undeclared.FindAllStringSubmatch(iss.String(), -1) {
			if slices.Contains(googleOnlyFunctions, m[1]) {
				c.local = true
				c.err += fmt.Sprintf("\n%s is a Google Cloud CEL function that oidcscope does not implement: Google Cloud may accept this expression", m[1])
			}
		}
		return c
	}
	root := a.NativeRep().Expr()
	if !condition {
		if id := identNamed(root, varGoogle, varAttribute); id != "" {
			c.err = fmt.Sprintf("an attribute mapping reads only assertion (the token's claims); %s is what the mappings produce, readable in attributeCondition", id)
			return c
		}
	}
	if condition {
		if t := a.OutputType(); !t.IsExactType(cel.BoolType) && !t.IsExactType(cel.DynType) {
			c.err = fmt.Sprintf("the attribute condition must output a boolean; this expression is typed %s", t)
			return c
		}
	}
	prg, err := env.Program(a, cel.CostLimit(costLimit))
	if err != nil {
		c.err = "CEL program instantiation failed: " + err.Error()
		return c
	}
	c.prg, c.root = prg, root
	c.refs = refsRead(root)
	if condition {
		c.terms = compileTerms(env, src, root)
	}
	return c
}

// compileTerms compiles each top-level && term, as written when the text
// split of src matches the parsed expression term for term, else as CEL
// prints the term.
func compileTerms(env *cel.Env, src string, root ast.Expr) []term {
	parts := andTerms(root)
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
	for i, p := range andTerms(astExpr(whole)) {
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
	out := make([]term, 0, len(parts))
	for i, p := range parts {
		text := ""
		if texts != nil {
			text = texts[i]
		} else if s, err := cel.ExprToString(p, nil); err == nil {
			text = s
		}
		t := term{text: text, root: p, refs: refsRead(p)}
		if a, iss := env.Compile(text); text != "" && (iss == nil || iss.Err() == nil) {
			if prg, err := env.Program(a, cel.CostLimit(costLimit)); err == nil {
				t.prg, t.root = prg, a.NativeRep().Expr()
			}
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

// andTerms flattens the top-level conjunction.
func andTerms(e ast.Expr) []ast.Expr {
	if e == nil {
		return nil
	}
	if e.Kind() == ast.CallKind && e.AsCall().FunctionName() == "_&&_" {
		var out []ast.Expr
		for _, a := range e.AsCall().Args() {
			out = append(out, andTerms(a)...)
		}
		return out
	}
	return []ast.Expr{e}
}

// refOf matches assertion.x, assertion['x'], google.x, attribute.x.
func refOf(e ast.Expr) (celRef, bool) {
	if e == nil {
		return celRef{}, false
	}
	switch e.Kind() {
	case ast.SelectKind:
		s := e.AsSelect()
		if root, ok := rootIdent(s.Operand()); ok && !s.IsTestOnly() {
			return celRef{root, s.FieldName()}, true
		}
	case ast.CallKind:
		c := e.AsCall()
		if c.FunctionName() == "_[_]" && len(c.Args()) == 2 {
			if root, ok := rootIdent(c.Args()[0]); ok {
				if key, ok := literalString(c.Args()[1]); ok {
					return celRef{root, key}, true
				}
			}
		}
	}
	return celRef{}, false
}

func rootIdent(e ast.Expr) (string, bool) {
	if e == nil || e.Kind() != ast.IdentKind {
		return "", false
	}
	switch n := e.AsIdent(); n {
	case varAssertion, varGoogle, varAttribute:
		return n, true
	}
	return "", false
}

// refsRead lists, in order of appearance, what an expression reads
// (has(assertion.x) included).
func refsRead(e ast.Expr) []celRef {
	var out []celRef
	eachExpr(e, func(x ast.Expr) bool {
		if r, ok := refOf(x); ok {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
			return false
		}
		if x.Kind() == ast.SelectKind && x.AsSelect().IsTestOnly() {
			if root, ok := rootIdent(x.AsSelect().Operand()); ok {
				if r := (celRef{root, x.AsSelect().FieldName()}); !slices.Contains(out, r) {
					out = append(out, r)
				}
				return false
			}
		}
		return true
	})
	return out
}

// identNamed returns the first identifier among names that e reads.
func identNamed(e ast.Expr, names ...string) string {
	found := ""
	eachExpr(e, func(x ast.Expr) bool {
		if found == "" && x.Kind() == ast.IdentKind && slices.Contains(names, x.AsIdent()) {
			found = x.AsIdent()
		}
		return found == ""
	})
	return found
}

func literalString(e ast.Expr) (string, bool) {
	if e == nil || e.Kind() != ast.LiteralKind {
		return "", false
	}
	s, ok := e.AsLiteral().(types.String)
	return string(s), ok
}

// eachExpr calls f on e and, while f returns true, on everything below.
func eachExpr(e ast.Expr, f func(ast.Expr) bool) {
	if e == nil || !f(e) {
		return
	}
	switch e.Kind() {
	case ast.SelectKind:
		eachExpr(e.AsSelect().Operand(), f)
	case ast.CallKind:
		c := e.AsCall()
		if c.IsMemberFunction() {
			eachExpr(c.Target(), f)
		}
		for _, a := range c.Args() {
			eachExpr(a, f)
		}
	case ast.ListKind:
		for _, el := range e.AsList().Elements() {
			eachExpr(el, f)
		}
	case ast.MapKind:
		for _, en := range e.AsMap().Entries() {
			eachExpr(en.AsMapEntry().Key(), f)
			eachExpr(en.AsMapEntry().Value(), f)
		}
	case ast.StructKind:
		for _, fl := range e.AsStruct().Fields() {
			eachExpr(fl.AsStructField().Value(), f)
		}
	case ast.ComprehensionKind:
		c := e.AsComprehension()
		for _, x := range []ast.Expr{c.IterRange(), c.AccuInit(), c.LoopCondition(), c.LoopStep(), c.Result()} {
			eachExpr(x, f)
		}
	}
}

// eval runs a program; a CEL error value is returned as an error.
func eval(prg cel.Program, vars map[string]any) (ref.Val, error) {
	out, _, err := prg.Eval(vars)
	if err != nil {
		return nil, err
	}
	if types.IsError(out) {
		return nil, fmt.Errorf("%v", out)
	}
	return out, nil
}

// missingKey extracts the key of a "no such key: x" CEL error.
func missingKey(err error) (string, bool) {
	if err == nil {
		return "", false
	}
	_, key, ok := strings.Cut(err.Error(), "no such key: ")
	return key, ok
}
