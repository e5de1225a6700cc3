package k8s

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

// compiled is one CEL expression of the policy, compiled once by Parse.
type compiled struct {
	src    string // as written
	field  string // where: jwt[0].claimValidationRules[1].expression
	prg    cel.Program
	root   ast.Expr        // the checked AST, for the term split and diagnoses
	info   *ast.SourceInfo // offsets of root's nodes in src
	claims []string        // claims it reads (static: claims.x, claims['x'], claims.?x)
	terms  []compiledTerm  // top-level && terms (validation rules with more than one)
	err    string          // compile problem, as kube-apiserver words it; "" when compiled
	local  bool            // err is oidcscope's limit (a Kubernetes-only function), not Kubernetes'
}

// compiledTerm is one top-level && operand, compiled on its own so a false
// rule can say which term is false.
type compiledTerm struct {
	text   string
	expr   ast.Expr
	prg    cel.Program
	claims []string
}

// k8sOnlyFunctions are functions of the Kubernetes CEL libraries, which
// cel-go does not provide.
var k8sOnlyFunctions = []string{
	"url", "isURL", "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery",
	"ip", "isIP", "cidr", "isCIDR", "quantity", "isQuantity", "semver", "isSemver",
	"isSorted", "sum", "indexOf", "lastIndexOf", "find", "findAll", "format",
	"authorizer", "path", "group", "resource", "check", "errored", "allowed", "reason",
	"fieldSelector", "labelSelector", "image", "isImage",
}

var undeclared = regexp.MustCompile(`undeclared reference to '([^']+)'|found no matching overload for '([^']+)'`)

// compileCEL compiles src in env. wantBool mirrors Kubernetes' return type
// check: validation rules must be typed bool (a bare `claims.flag`, typed
// dyn, is refused); mappings may have any type, checked when evaluated.
func compileCEL(env *cel.Env, src, field string, wantBool bool) *compiled {
	c := &compiled{src: src, field: field}
	a, iss := env.CompileSource(common.NewStringSource(src, field))
	if iss != nil && iss.Err() != nil {
		c.err = "compilation failed: " + iss.String()
		for _, m := range undeclared.FindAllStringSubmatch(iss.String(), -1) {
			name := m[1] + m[2]
			if slices.Contains(k8sOnlyFunctions, name) {
				c.local = true
				c.err += fmt.Sprintf("\n%s is a function of the Kubernetes CEL libraries, which oidcscope does not implement: kube-apiserver may accept this expression", name)
			}
		}
		return c
	}
	if wantBool && !a.OutputType().IsExactType(cel.BoolType) {
		c.err = fmt.Sprintf("must evaluate to bool (this expression is typed %s; compare explicitly, e.g. `== true`)", a.OutputType())
		return c
	}
	prg, err := env.Program(a, cel.EvalOptions(cel.OptTrackCost), cel.CostLimit(costLimit))
	if err != nil {
		c.err = "program instantiation failed: " + err.Error()
		return c
	}
	c.prg, c.root, c.info = prg, a.NativeRep().Expr(), a.NativeRep().SourceInfo()
	c.claims = claimsRead(c.root)
	if wantBool {
		if terms := andTerms(c.root); len(terms) > 1 {
			for _, t := range terms {
				c.terms = append(c.terms, compileTerm(env, t, src, c.info))
			}
		}
	}
	return c
}

func compileTerm(env *cel.Env, e ast.Expr, src string, info *ast.SourceInfo) compiledTerm {
	t := compiledTerm{expr: e, claims: claimsRead(e)}
	// The term as written when its source span stands alone (the parser's
	// offsets miss closing brackets and macro calls), else as unparsed.
	var candidates []string
	unparsed, err := cel.ExprToString(e, info)
	if span := sourceSpan(e, src, info); span != "" {
		// Only a span that parses to the very same term (when that can be told).
		if p, iss := env.Parse(span); (iss == nil || iss.Err() == nil) && (err != nil || sameText(p, unparsed)) {
			candidates = append(candidates, span)
		}
	}
	if err == nil {
		candidates = append(candidates, unparsed)
	}
	for _, text := range candidates {
		a, iss := env.Compile(text)
		if iss != nil && iss.Err() != nil {
			continue
		}
		if prg, err := env.Program(a, cel.EvalOptions(cel.OptTrackCost), cel.CostLimit(costLimit)); err == nil {
			t.text, t.prg = text, prg
			return t
		}
	}
	return t
}

func sameText(a *cel.Ast, want string) bool {
	got, err := cel.AstToString(a)
	return err == nil && got == want
}

// sourceSpan is the text between the first and last offsets of e's nodes.
func sourceSpan(e ast.Expr, src string, info *ast.SourceInfo) string {
	lo, hi := int32(-1), int32(-1)
	eachExpr(e, func(x ast.Expr) {
		if r, ok := info.GetOffsetRange(x.ID()); ok {
			if lo < 0 || r.Start < lo {
				lo = r.Start
			}
			hi = max(hi, r.Stop)
		}
	})
	rs := []rune(src)
	if lo < 0 || hi <= lo || int(hi) > len(rs) {
		return ""
	}
	return strings.TrimSpace(string(rs[lo:hi]))
}

// andTerms flattens the top-level conjunction (the parser nests && as a
// balanced tree).
func andTerms(e ast.Expr) []ast.Expr {
	if e.Kind() == ast.CallKind && e.AsCall().FunctionName() == "_&&_" {
		var out []ast.Expr
		for _, a := range e.AsCall().Args() {
			out = append(out, andTerms(a)...)
		}
		return out
	}
	return []ast.Expr{e}
}

// claimsRead lists, in order of appearance, the top-level claims an
// expression reads: claims.x, has(claims.x), claims['x'], claims.?x.
func claimsRead(e ast.Expr) []string {
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	var walk func(ast.Expr)
	walk = func(e ast.Expr) {
		if e == nil {
			return
		}
		switch e.Kind() {
		case ast.SelectKind:
			s := e.AsSelect()
			if isIdent(s.Operand(), "claims") {
				add(s.FieldName())
				return
			}
			walk(s.Operand())
		case ast.CallKind:
			c := e.AsCall()
			args := c.Args()
			if fn := c.FunctionName(); (fn == "_[_]" || fn == "_[?_]" || fn == "_?._") && len(args) == 2 && isIdent(args[0], "claims") {
				if name, ok := literalString(args[1]); ok {
					add(name)
					return
				}
			}
			if c.IsMemberFunction() {
				walk(c.Target())
			}
			for _, a := range args {
				walk(a)
			}
		case ast.ListKind:
			for _, el := range e.AsList().Elements() {
				walk(el)
			}
		case ast.MapKind:
			for _, en := range e.AsMap().Entries() {
				walk(en.AsMapEntry().Key())
				walk(en.AsMapEntry().Value())
			}
		case ast.StructKind:
			for _, f := range e.AsStruct().Fields() {
				walk(f.AsStructField().Value())
			}
		case ast.ComprehensionKind:
			c := e.AsComprehension()
			walk(c.IterRange())
			walk(c.AccuInit())
			walk(c.LoopCondition())
			walk(c.LoopStep())
			walk(c.Result())
		}
	}
	walk(e)
	return out
}

func isIdent(e ast.Expr, name string) bool {
	return e != nil && e.Kind() == ast.IdentKind && e.AsIdent() == name
}

func literalString(e ast.Expr) (string, bool) {
	if e == nil || e.Kind() != ast.LiteralKind {
		return "", false
	}
	s, ok := e.AsLiteral().(types.String)
	return string(s), ok
}

// eval runs a program; a CEL error value is returned as an error, which
// in Kubernetes fails the rule (and the authentication).
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

// missingKey extracts the claim of a "no such key: x" CEL error.
func missingKey(err error) (string, bool) {
	if err == nil {
		return "", false
	}
	_, key, ok := strings.Cut(err.Error(), "no such key: ")
	return key, ok
}

// eachExpr calls f on e and every expression below it.
func eachExpr(e ast.Expr, f func(ast.Expr)) {
	if e == nil {
		return
	}
	f(e)
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
