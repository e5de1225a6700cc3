package celclaims

import (
	"fmt"
	"regexp"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"
	"cel.dev/cel-go/interpreter/functions"
)

// cel-go charges a call after it returns, so the one call that builds a
// gigabyte string or scans for minutes is charged when the harm is done.
// The guard replaces each call that can do much more work than its
// arguments' size (see rules) with one that works out first, from the
// arguments, the least the call will cost, and stops the evaluation when
// that is more than what is left of the budget: the outcome the cost
// limit would give afterwards, without the allocation or the wait. (For
// the few calls cel-go prices below their work, such as a comparison of
// nested lists or a format of a list holding one string many times, the
// guard counts the work itself.)

// guard decorates the programs of one environment.
type guard struct {
	impls map[string]*functions.Overload // by overload id, and by function name
}

func newGuard(env *cel.Env) (*guard, error) {
	g := &guard{impls: map[string]*functions.Overload{}}
	for _, fn := range env.Functions() {
		if _, guarded := rules[fn.Name()]; !guarded && fn.Name() != "matches" {
			continue
		}
		bindings, err := fn.Bindings()
		if err != nil {
			return nil, err
		}
		for _, o := range bindings {
			g.impls[o.Operator] = o
		}
	}
	return g, nil
}

// decorate replaces a guarded call; every other node is kept.
func (g *guard) decorate(i interpreter.InterpretableV2) (interpreter.InterpretableV2, error) {
	call, ok := i.(interpreter.InterpretableCall)
	if !ok {
		return i, nil
	}
	args := call.Args()
	if call.Function() == "matches" && len(args) == 2 {
		return g.matches(call, args), nil
	}
	rule, ok := rules[call.Function()]
	if !ok || rule.skip != nil && rule.skip(args) {
		return i, nil
	}
	var run func([]ref.Val) ref.Val
	switch call.Function() {
	case "_==_":
		run = func(v []ref.Val) ref.Val { return types.Equal(v[0], v[1]) }
	case "_!=_":
		run = func(v []ref.Val) ref.Val { return types.Bool(types.Equal(v[0], v[1]) != types.True) }
	default:
		run = g.implementation(call)
	}
	if run == nil {
		return i, nil
	}
	return &guardedCall{InterpretableCall: call, args: args, run: run, check: rule.check}, nil
}

// matches compiles a literal pattern once, here, rather than on every
// call; a pattern built at evaluation time is compiled by cel-go's own
// implementation, after its compilation is charged.
func (g *guard) matches(call interpreter.InterpretableCall, args []interpreter.InterpretableV2) interpreter.InterpretableV2 {
	run := g.implementation(call)
	if run == nil {
		return call
	}
	lit, isConst := args[1].(interpreter.InterpretableConst)
	if !isConst {
		return &guardedCall{InterpretableCall: call, args: args, run: run, check: checkCompileAndMatch, compiles: true}
	}
	pattern, isStr := lit.Value().(types.String)
	if !isStr {
		return call
	}
	re, err := regexp.Compile(string(pattern))
	if err != nil {
		return call // cel-go reports it, at every evaluation, as before
	}
	precompiled := func(v []ref.Val) ref.Val {
		if s, ok := v[0].(types.String); ok {
			return types.Bool(re.MatchString(string(s)))
		}
		return run(v)
	}
	return &guardedCall{InterpretableCall: call, args: args, run: precompiled, check: checkMatches}
}

// implementation finds the call's implementation as cel-go's planner does
// (by overload id, else by function name) and dispatches to it as cel-go's
// call nodes do, operand trait and receiver included.
func (g *guard) implementation(call interpreter.InterpretableCall) func([]ref.Val) ref.Val {
	o := g.impls[call.OverloadID()]
	if o == nil {
		o = g.impls[call.Function()]
	}
	if o == nil || o.Async != nil || o.LateBound || o.NonStrict {
		return nil
	}
	fn, overload := call.Function(), call.OverloadID()
	return func(v []ref.Val) ref.Val {
		if o.OperandTrait != 0 && !v[0].Type().HasTrait(o.OperandTrait) {
			if r, ok := v[0].(traits.Receiver); ok && v[0].Type().HasTrait(traits.ReceiverType) {
				return r.Receive(fn, overload, v[1:])
			}
			return types.NewErr("no such overload: %s", fn)
		}
		switch {
		case len(v) == 1 && o.Unary != nil:
			return o.Unary(v[0])
		case len(v) == 2 && o.Binary != nil:
			return o.Binary(v[0], v[1])
		case o.Function != nil:
			return o.Function(v...)
		}
		return types.NewErr("no such overload: %s", fn)
	}
}

// guardedCall evaluates a call's arguments, checks them, and only then
// runs the call. The call as planned keeps its id, name and overload, so
// the cost tracker prices it exactly as before.
type guardedCall struct {
	interpreter.InterpretableCall
	args     []interpreter.InterpretableV2
	run      func([]ref.Val) ref.Val
	check    checkFunc
	compiles bool // the call compiles its pattern argument: charge that first
}

func (g *guardedCall) Exec(frame *interpreter.ExecutionFrame) ref.Val {
	vals := make([]ref.Val, len(g.args))
	for i, a := range g.args {
		v := a.Exec(frame)
		if types.IsUnknownOrError(v) {
			return v // every guarded call is strict
		}
		vals[i] = v
	}
	tr := frame.CostTracker()
	left := uint64(CostLimit)
	if tr != nil && tr.Limit != nil {
		left = *tr.Limit - min(*tr.Limit, tr.ActualCost())
	}
	if need, what := g.check(left, vals); need > left {
		panic(interpreter.EvalCancelledError{
			Cause:   interpreter.CostLimitExceeded,
			Message: fmt.Sprintf("operation cancelled: actual cost limit exceeded: %s, costing at least %d, with %d left", what, need, left),
		})
	}
	if g.compiles && tr != nil {
		tr.EvalUnary(frame, g.ID(), regexCompileCall{}, vals[1], types.True)
	}
	res := g.run(vals)
	if e, ok := res.(*types.Err); ok && e.NodeID() == 0 {
		res = types.LabelErrNode(g.ID(), e)
	}
	if tr != nil {
		tr.EvalVarArgs(frame, g.ID(), g.InterpretableCall, vals, res)
	}
	return res
}

func (g *guardedCall) Eval(a interpreter.Activation) ref.Val {
	return interpreter.EvalActivation(a, g.Exec)
}

func (g *guardedCall) Args() []interpreter.InterpretableV2 { return g.args }

// regexCompileCall is how a guarded matches() charges the compilation of
// a pattern built at evaluation time: a call the tracker prices with
// chargeRegexCompile.
type regexCompileCall struct{}

const regexCompileOverload = "oidcscope_regex_compile"

func (regexCompileCall) Function() string   { return "matches" }
func (regexCompileCall) OverloadID() string { return regexCompileOverload }

func chargeRegexCompile(args []ref.Val, _ ref.Val) *uint64 {
	n := uint64(0)
	if len(args) == 1 {
		if s, ok := args[0].(types.String); ok {
			n = cost.SafeMultiply(uint64(len(s)), regexCompileCost)
		}
	}
	return &n
}
