package k8scel

import (
	"fmt"
	"testing"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// evalCase is one expression and what it must give: a value's text
// (see show), or a compile or runtime error.
type evalCase struct {
	expr string
	want string
	// fails: "" (must evaluate to want), "compile" or "runtime".
	fails string
}

// testEnv is every library of the package, as kube-apiserver combines them.
func testEnv(t *testing.T) *cel.Env {
	t.Helper()
	env, err := cel.NewEnv(cel.OptionalTypes(), URLs(), Regex(), QuantityLib(), IPLib(), CIDRLib(), FormatLib(),
		SemverLib(SemverVersion(1)), Lists(ListsVersion(1)))
	if err != nil {
		t.Fatal(err)
	}
	return env
}

func runCases(t *testing.T, cases []evalCase) {
	t.Helper()
	env := testEnv(t)
	for _, c := range cases {
		t.Run(c.expr, func(t *testing.T) {
			ast, iss := env.Compile(c.expr)
			var prg cel.Program
			var err error
			if iss.Err() == nil {
				prg, err = env.Program(ast)
			}
			if iss.Err() != nil || err != nil {
				if c.fails != "compile" {
					t.Fatalf("compile error: %v %v", iss.Err(), err)
				}
				return
			}
			if c.fails == "compile" {
				t.Fatalf("compiled; want a compile error")
			}
			v, _, err := prg.Eval(cel.NoVars())
			if err != nil {
				if c.fails != "runtime" {
					t.Fatalf("runtime error: %v", err)
				}
				return
			}
			if c.fails != "" {
				t.Fatalf("= %v; want a %s error", show(v), c.fails)
			}
			if got := show(v); got != c.want {
				t.Errorf("= %s; want %s", got, c.want)
			}
		})
	}
}

// show writes a result for comparison: quantities by exact value.
func show(v ref.Val) string {
	switch x := v.(type) {
	case *types.Optional:
		if !x.HasValue() {
			return "optional.none()"
		}
		return "optional.of(" + show(x.GetValue()) + ")"
	case Quantity:
		return x.Exact()
	}
	return fmt.Sprint(v.Value())
}
