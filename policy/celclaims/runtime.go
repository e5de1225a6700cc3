package celclaims

import (
	"fmt"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/cost"
)

// Runtime is one CEL environment with the program options every program
// compiled in it gets: the cost limit, interrupts for the policy's
// deadline, the guard that checks expensive calls before they run, and
// the price of compiling a regular expression. Like the cel.Env it wraps,
// it is immutable and safe for concurrent use.
type Runtime struct {
	env        *cel.Env
	opts       []cel.ProgramOption
	noEstimate bool // Check refuses nothing: the provider only limits cost as it runs
}

// NewRuntime wraps env, whose function implementations the guard calls.
// extra are the provider's own program options, such as how its cost
// tracker prices presence tests.
func NewRuntime(env *cel.Env, extra ...cel.ProgramOption) (*Runtime, error) {
	g, err := newGuard(env)
	if err != nil {
		return nil, fmt.Errorf("the CEL guard: %w", err)
	}
	return &Runtime{env: env, opts: append([]cel.ProgramOption{
		cel.CostLimit(CostLimit),
		cel.CostTrackerOptions(cost.OverloadTracker(regexCompileOverload, chargeRegexCompile)),
		cel.InterruptCheckFrequency(interruptEvery),
		cel.CustomDecoratorV2(g.decorate),
	}, extra...)}, nil
}

// WithoutEstimate is r with Check refusing nothing, for a provider that
// has no cost estimate before evaluation (kube-apiserver's authentication
// CEL): an expression that could cost more than the limit but stops
// early is evaluated, and the runtime bounds still stop the rest.
func (r *Runtime) WithoutEstimate() *Runtime {
	c := *r
	c.noEstimate = true
	return &c
}

// Env is the environment, for parsing and checking.
func (r *Runtime) Env() *cel.Env { return r.env }

// Program plans a checked expression with the runtime's bounds.
func (r *Runtime) Program(a *cel.Ast) (cel.Program, error) {
	prg, err := r.env.Program(a, r.opts...)
	if err != nil || !hasLoop(a.NativeRep().Expr()) {
		return prg, err
	}
	return looping{prg}, nil
}

// looping marks a program with comprehensions, the only place cel-go
// looks for an interrupt: Meter evaluates it under the policy's deadline
// (a context per evaluation, which costs more than the rest of a simple
// expression's evaluation).
type looping struct{ cel.Program }

func hasLoop(e ast.Expr) bool {
	found := false
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		found = found || x.Kind() == ast.ComprehensionKind
	}))
	return found
}
