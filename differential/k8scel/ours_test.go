package k8scel

import (
	"sync"

	"cel.dev/cel-go/cel"

	"github.com/oidcscope/oidcscope/policy/k8s"
)

// oursEnv is the environment oidcscope's Kubernetes provider builds
// (policy/k8s.EnvOptions: cel-go's options and libraries and ours in
// k8scel), without the claims and user variables no expression here reads.
var oursEnv = sync.OnceValue(func() *cel.Env {
	env, err := cel.NewEnv(k8s.EnvOptions()...)
	if err != nil {
		panic(err)
	}
	return env
})

// evalOurs compiles and evaluates expr in our environment.
func evalOurs(expr string) outcome {
	return evaluate(oursEnv(), cel.NoVars(), expr, formatOurs)
}
