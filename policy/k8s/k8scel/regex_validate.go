package k8scel

import (
	"regexp"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
)

// dynPatternValidator refuses find()/findAll() whose pattern is a string
// literal wrapped in dyn(): kube-apiserver's cel-go (github.com/google/
// cel-go v0.29) treats dyn("(") as the constant "(" when it plans the
// program, so a bad pattern there refuses the expression up front; ours
// would only fail when evaluated. (A bare literal is caught by the
// regex optimisation in Regex.)
type dynPatternValidator struct{}

func (dynPatternValidator) Name() string { return "oidcscope.k8scel.regex.dyn" }

func (dynPatternValidator) Validate(_ *cel.Env, _ cel.ValidatorConfig, a *ast.AST, iss *cel.Issues) {
	root := ast.NavigateAST(a)
	for _, fn := range []string{"find", "findAll"} {
		for _, call := range ast.MatchDescendants(root, ast.FunctionMatcher(fn)) {
			args := call.AsCall().Args()
			if len(args) == 0 || args[0].Kind() != ast.CallKind {
				continue
			}
			inner := args[0].AsCall()
			if inner.FunctionName() != "dyn" || len(inner.Args()) != 1 || inner.Args()[0].Kind() != ast.LiteralKind {
				continue
			}
			pattern, ok := inner.Args()[0].AsLiteral().(types.String)
			if !ok {
				continue
			}
			if _, err := regexp.Compile(string(pattern)); err != nil {
				iss.ReportErrorAtID(args[0].ID(), "%v", err)
			}
		}
	}
}
