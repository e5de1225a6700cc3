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
	return evaluate(realEnv(), gcel.NoVars(), expr, formatReal)
}
