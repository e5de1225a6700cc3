package k8s

import (
	"fmt"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"

	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// compiled is one CEL expression of the policy, compiled once by Parse.
type compiled struct {
	src    string // as written
	field  string // where: jwt[0].claimValidationRules[1].expression
	prg    cel.Program
	root   ast.Expr         // the checked AST, for the term split and diagnoses
	info   *ast.SourceInfo  // offsets of root's nodes in src
	claims []string         // claims it reads (static: claims.x, claims['x'], claims.?x)
	terms  []celclaims.Term // top-level && terms (validation rules with more than one)
	err    string           // compile problem, as kube-apiserver words it; "" when compiled
	local  bool             // err is oidcscope's limit (a Kubernetes-only function), not Kubernetes'
}

// kubernetesCEL words kube-apiserver's compilation failures. Its
// ProviderOnly are the functions of the Kubernetes CEL libraries, which
// cel-go does not provide.
var kubernetesCEL = celclaims.Dialect{
	CompileFailed: "compilation failed: ",
	PlanFailed:    "program instantiation failed: ",
	ProviderOnly: []string{
		"url", "isURL", "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery",
		"ip", "isIP", "cidr", "isCIDR", "quantity", "isQuantity", "semver", "isSemver",
		"isSorted", "sum", "indexOf", "lastIndexOf", "find", "findAll", "format",
		"authorizer", "path", "group", "resource", "check", "errored", "allowed", "reason",
		"fieldSelector", "labelSelector", "image", "isImage",
	},
	NotImplemented: " is a function of the Kubernetes CEL libraries, which oidcscope does not implement: kube-apiserver may accept this expression",
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
	c.claims = claimsRead(c.root)
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
// expression reads: claims.x, has(claims.x), claims['x'], claims.?x.
func claimsRead(e ast.Expr) []string {
	var out []string
	for _, r := range celclaims.RefsRead(e, varClaims) {
		out = append(out, r.Key)
	}
	return out
}
