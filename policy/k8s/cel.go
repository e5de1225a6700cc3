package k8s

import (
	"fmt"
	"slices"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// compiled is one CEL expression of the policy, compiled once by Parse.
type compiled struct {
	src    string // as written
	field  string // where: jwt[0].claimValidationRules[1].expression
	prg    cel.Program
	root   ast.Expr         // the checked AST, for the term split and diagnoses
	info   *ast.SourceInfo  // offsets of root's nodes in src
	claims []string         // claims it reads (static: claims.x, claims['x'], claims.?x), unescaped
	notes  []string         // how kube-apiserver reads them, when not as written (claims.a__dot__b)
	terms  []celclaims.Term // top-level && terms (validation rules with more than one)
	err    string           // compile problem, as kube-apiserver words it; "" when compiled
	local  bool             // err is oidcscope's limit (a Kubernetes-only function), not Kubernetes'
}

// kubernetesCEL words kube-apiserver's compilation failures. Every
// function of Kubernetes' authentication CEL environment is ported
// (k8scel), so none is provider-only (the authz library's need an
// authorizer, which authentication expressions do not have, so they do
// not compile in kube-apiserver either).
var kubernetesCEL = celclaims.Dialect{
	CompileFailed: "compilation failed: ",
	PlanFailed:    "program instantiation failed: ",
}

// compileCEL compiles src in env. wantBool mirrors Kubernetes' return type
// check: validation rules must be typed bool (a bare `claims.flag`, typed
// dyn, is refused); mappings may have any type, checked when evaluated.
// An expression whose own literals cost more than the per-call limit is
// refused too, as oidcscope's limit: kube-apiserver does not estimate the
// cost of authentication expressions and stops them only as they run.
func compileCEL(rt *celclaims.Runtime, src, field string, wantBool bool) *compiled {
	c := &compiled{src: src, field: field}
	cc := kubernetesCEL.Compile(rt, src, field, func(a *cel.Ast) string {
		if wantBool && !a.OutputType().IsExactType(cel.BoolType) {
			return fmt.Sprintf("must evaluate to bool (this expression is typed %s; compare explicitly, e.g. `== true`)", a.OutputType())
		}
		return ""
	})
	if cc.Err != "" {
		c.err, c.local = cc.Err, cc.Local
		return c
	}
	c.prg, c.root, c.info = cc.Prg, cc.Ast.NativeRep().Expr(), cc.Ast.NativeRep().SourceInfo()
	c.claims, c.notes = claimsRead(c.root)
	if wantBool {
		if terms := celclaims.AndTerms(c.root); len(terms) > 1 {
			for _, t := range terms {
				c.terms = append(c.terms, compileTerm(rt, t, src, c.info))
			}
		}
	}
	return c
}

func compileTerm(rt *celclaims.Runtime, e ast.Expr, src string, info *ast.SourceInfo) celclaims.Term {
	env := rt.Env()
	t := celclaims.Term{Root: e, Refs: celclaims.RefsRead(e, varClaims)}
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
		if _, prg, ok := rt.CompileTerm(text); ok {
			t.Text, t.Prg = text, prg
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
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		if r, ok := info.GetOffsetRange(x.ID()); ok {
			if lo < 0 || r.Start < lo {
				lo = r.Start
			}
			hi = max(hi, r.Stop)
		}
	}))
	rs := []rune(src)
	if lo < 0 || hi <= lo || int(hi) > len(rs) {
		return ""
	}
	return strings.TrimSpace(string(rs[lo:hi]))
}

// claimsRead lists, in order of appearance, the top-level claims an
// expression reads: claims.x, has(claims.x), claims['x'], claims.?x, by
// the names kube-apiserver looks up (see unescape); notes says which
// were written escaped.
func claimsRead(e ast.Expr) (names, notes []string) {
	for _, r := range celclaims.RefsRead(e, varClaims) {
		name, ok := unescape(r.Key)
		switch {
		case !ok:
			notes = append(notes, fmt.Sprintf("claims.%s reads no claim at all: kube-apiserver unescapes claim names (__dot__, __dash__, __slash__, __underscores__, __<CEL keyword>__) and refuses any other __x__ part", r.Key))
			name = r.Key
		case name != r.Key:
			notes = append(notes, fmt.Sprintf("claims.%s reads the claim %s: kube-apiserver unescapes claim names, so a claim literally named %s cannot be read", r.Key, escape.Quoted(name), escape.Quoted(r.Key)))
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names, notes
}
