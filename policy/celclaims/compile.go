package celclaims

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common"
)

// Dialect is how one provider words the failures of compiling its CEL,
// and which functions its CEL has that cel-go lacks. The environment is
// not part of it: each provider builds its own Runtime (variables,
// libraries, language options) and hands it to Compile.
type Dialect struct {
	CompileFailed  string   // before a compilation error's text
	PlanFailed     string   // before a planning error's text
	ProviderOnly   []string // functions of the provider's CEL that cel-go lacks
	NotImplemented string   // after the name of each such function an expression calls, on a line of its own
}

// Compiled is one expression compiled in a Runtime: its checked AST and
// its program, or why it has none.
type Compiled struct {
	Ast   *cel.Ast
	Prg   cel.Program
	Err   string // the problem, as the provider words it; "" when compiled
	Local bool   // Err is oidcscope's limit (a function it lacks, its cost estimate), not the provider's refusal
}

// Compile compiles src (field names it in the error's location) in rt,
// then refuses what check refuses (the provider's own rules on a checked
// expression, such as its output type; check returns the message, or ""),
// then what rt.Check estimates over the cost limit, and plans the rest
// with rt's bounds.
func (d Dialect) Compile(rt *Runtime, src, field string, check func(*cel.Ast) string) Compiled {
	a, iss := rt.env.CompileSource(common.NewStringSource(src, field))
	if iss != nil && iss.Err() != nil {
		c := Compiled{Err: d.CompileFailed + iss.String()}
		for _, name := range Unimplemented(iss.String(), d.ProviderOnly) {
			c.Local = true
			c.Err += "\n" + name + d.NotImplemented
		}
		return c
	}
	if msg := check(a); msg != "" {
		return Compiled{Err: msg}
	}
	if err := rt.Check(a); err != nil {
		return Compiled{Err: err.Error(), Local: true}
	}
	prg, err := rt.Program(a)
	if err != nil {
		return Compiled{Err: d.PlanFailed + err.Error()}
	}
	return Compiled{Ast: a, Prg: prg}
}

// CompileTerm compiles and plans text, one term of an expression
// compiled before, with rt's bounds; ok is false when it does not compile
// on its own.
func (r *Runtime) CompileTerm(text string) (a *cel.Ast, prg cel.Program, ok bool) {
	a, iss := r.env.Compile(text)
	if iss != nil && iss.Err() != nil {
		return nil, nil, false
	}
	prg, err := r.Program(a)
	if err != nil {
		return nil, nil, false
	}
	return a, prg, true
}
