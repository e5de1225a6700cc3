package k8scel

import (
	"sync"

	gcel "github.com/google/cel-go/cel"
	"k8s.io/apiserver/pkg/cel/environment"
)

// realEnv is kube-apiserver's base CEL environment as its authentication
// compiler builds it (StoredExpressions: every library of every version).
var realEnv = sync.OnceValue(func() *gcel.Env {
	return environment.MustBaseEnvSet(environment.DefaultCompatibilityVersion()).StoredExpressionsEnv()
})

// evalReal compiles and evaluates expr in the real environment.
func evalReal(expr string) outcome {
	env := realEnv()
	ast, iss := env.Compile(expr)
	if iss != nil && iss.Err() != nil {
		return outcome{kind: compileErr, text: iss.Err().Error()}
	}
	prg, err := env.Program(ast)
	if err != nil {
		return outcome{kind: compileErr, text: err.Error()}
	}
	v, _, err := prg.Eval(gcel.NoVars())
	if err != nil {
		return outcome{kind: runtimeErr, text: err.Error()}
	}
	return outcome{kind: value, text: formatReal(v)}
}
