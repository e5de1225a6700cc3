package celclaims

import (
	"testing"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types/ref"
)

// testEnv declares the variables of both CEL providers, with optional
// types on (as Kubernetes has them) so the optional forms parse.
func testEnv(t testing.TB) *cel.Env {
	t.Helper()
	var opts []cel.EnvOption
	for _, v := range []string{"assertion", "google", "attribute", "claims", "other"} {
		opts = append(opts, cel.Variable(v, cel.MapType(cel.StringType, cel.DynType)))
	}
	env, err := cel.NewEnv(append(opts, cel.OptionalTypes())...)
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// checked compiles src and returns its checked AST.
func checked(t testing.TB, env *cel.Env, src string) (*cel.Ast, ast.Expr) {
	t.Helper()
	a, iss := env.Compile(src)
	if iss != nil && iss.Err() != nil {
		t.Fatalf("%s: %v", src, iss.Err())
	}
	return a, a.NativeRep().Expr()
}

// program compiles src into a program.
func program(t testing.TB, env *cel.Env, src string) cel.Program {
	t.Helper()
	a, _ := checked(t, env, src)
	prg, err := env.Program(a)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return prg
}

// eval runs a program with a meter of its own.
func eval(prg cel.Program, vars map[string]any) (ref.Val, error) {
	var m Meter
	defer m.Close()
	return m.Eval(prg, vars)
}
