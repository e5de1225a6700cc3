package k8scel

import (
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/ext"

	"github.com/oidcscope/oidcscope/policy/k8s/k8scel"
)

// oursEnv is the environment oidcscope builds (policy/k8s/celenv.go's
// baseOptions) with our k8scel libraries.
var oursEnv = sync.OnceValue(func() *cel.Env {
	env, err := cel.NewEnv(
		cel.HomogeneousAggregateLiterals(),
		cel.EagerlyValidateDeclarations(true),
		cel.DefaultUTCTimeZone(true),
		k8scel.URLs(),
		k8scel.Regex(),
		cel.CostEstimatorOptions(cost.PresenceTestHasCost(false)),
		cel.CrossTypeNumericComparisons(true),
		cel.OptionalTypes(),
		k8scel.QuantityLib(),
		cel.ASTValidators(
			cel.ValidateDurationLiterals(),
			cel.ValidateTimestampLiterals(),
			cel.ValidateRegexLiterals(),
			cel.ValidateHomogeneousAggregateLiterals(),
		),
		ext.Strings(ext.StringsVersion(2)),
		ext.Sets(),
		k8scel.IPLib(),
		k8scel.CIDRLib(),
		k8scel.FormatLib(),
		ext.TwoVarComprehensions(),
		k8scel.SemverLib(k8scel.SemverVersion(1)),
		ext.Lists(ext.ListsVersion(3)),
		k8scel.Lists(k8scel.ListsVersion(1)),
	)
	if err != nil {
		panic(err)
	}
	return env
})

// evalOurs compiles and evaluates expr in our environment.
func evalOurs(expr string) outcome {
	env := oursEnv()
	ast, iss := env.Compile(expr)
	if iss != nil && iss.Err() != nil {
		return outcome{kind: compileErr, text: iss.Err().Error()}
	}
	prg, err := env.Program(ast)
	if err != nil {
		return outcome{kind: compileErr, text: err.Error()}
	}
	v, _, err := prg.Eval(cel.NoVars())
	if err != nil {
		return outcome{kind: runtimeErr, text: err.Error()}
	}
	return outcome{kind: value, text: formatOurs(v)}
}
