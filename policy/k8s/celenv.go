package k8s

import (
	"reflect"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/ext"

	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/k8s/k8scel"
)

// varClaims is the CEL variable of claim validation rules and claim
// mappings: the token's claims.
const varClaims = "claims"

// UserInfo is the `user` variable of userValidationRules: the fields of
// authentication.k8s.io/v1 UserInfo that Kubernetes declares to CEL.
type UserInfo struct {
	Username string              `cel:"username"`
	UID      string              `cel:"uid"`
	Groups   []string            `cel:"groups"`
	Extra    map[string][]string `cel:"extra"`
}

// envs holds the two immutable CEL environments, built on first use (so a
// run that parses no Kubernetes document never initialises CEL) and shared
// by every Parse: a cel.Env is safe for concurrent use once built. Their
// programs get celclaims' bounds: kube-apiserver's per-call cost limit
// (celconfig.PerCallLimit, which also bounds the work a hostile token
// causes), the guard, the deadline.
type envs struct {
	claims *celclaims.Runtime // `claims`: map(string, any)
	user   *celclaims.Runtime // `user`: UserInfo
}

var sharedEnvs = sync.OnceValues(func() (envs, error) {
	// map(string, any) as Kubernetes declares it: `any` is
	// google.protobuf.Any to the checker, so a claim is no comprehension
	// range until wrapped in dyn().
	claims, err := newRuntime(cel.Variable(varClaims, cel.MapType(cel.StringType, cel.AnyType)))
	if err != nil {
		return envs{}, err
	}
	user, err := newRuntime(
		ext.NativeTypes(reflect.TypeFor[UserInfo](), ext.ParseStructTags(true)),
		cel.Variable("user", cel.ObjectType("k8s.UserInfo")))
	if err != nil {
		return envs{}, err
	}
	return envs{claims: claims, user: user}, nil
})

func newRuntime(vars ...cel.EnvOption) (*celclaims.Runtime, error) {
	env, err := cel.NewEnv(append(EnvOptions(), vars...)...)
	if err != nil {
		return nil, err
	}
	// Presence tests (has(), claims.?x) are free in kube-apiserver's cost
	// tracking; and it makes no estimate before evaluating an
	// authentication expression.
	rt, err := celclaims.NewRuntime(env, cel.CostTrackerOptions(cost.TrackerPresenceTestHasCost(false)))
	if err != nil {
		return nil, err
	}
	return rt.WithoutEstimate(), nil
}

// EnvOptions are the language settings and libraries of Kubernetes'
// base CEL environment (k8s.io/apiserver/pkg/cel/environment, base.go)
// as the authentication compiler uses it at v0.37.2 (its
// StoredExpressions environment: every library not removed): cel-go's
// own, and Kubernetes' libraries written for oidcscope in k8scel (checked
// against Kubernetes' own in differential/k8scel). Not
// here: the authz and selector libraries, whose functions take an
// `authorizer` no authentication expression has (calling them makes a
// "found no matching overload" compile error in kube-apiserver and an
// "undeclared reference" one here: both refuse the configuration).
// Exported so that differential/k8scel compiles its expressions in this
// very environment, not a copy of it.
func EnvOptions() []cel.EnvOption {
	return []cel.EnvOption{
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
		// Version 2 prices none of its functions; cel-go's later models do.
		cel.CostModel(celclaims.StringsCostModels()...),
		ext.Sets(),
		k8scel.IPLib(),
		k8scel.CIDRLib(),
		k8scel.FormatLib(),
		ext.TwoVarComprehensions(),
		k8scel.SemverLib(k8scel.SemverVersion(1)),
		ext.Lists(ext.ListsVersion(3)),
		k8scel.Lists(k8scel.ListsVersion(1)),
	}
}
