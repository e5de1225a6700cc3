package k8s

import (
	"reflect"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"

	"github.com/oidcscope/oidcscope/policy/celclaims"
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
	claims *celclaims.Runtime // `claims`: map(string, dyn)
	user   *celclaims.Runtime // `user`: UserInfo
}

var sharedEnvs = sync.OnceValues(func() (envs, error) {
	claims, err := newRuntime(cel.Variable(varClaims, cel.MapType(cel.StringType, cel.DynType)))
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
	env, err := cel.NewEnv(append(baseOptions(), vars...)...)
	if err != nil {
		return nil, err
	}
	return celclaims.NewRuntime(env)
}

// baseOptions are the language settings and libraries of Kubernetes' base
// CEL environment (k8s.io/apiserver/pkg/cel/environment) that cel-go
// itself provides. Missing: the Kubernetes libraries (URLs, Regex, Lists,
// Authz, Quantity, IP, CIDR, Format, Semver, Image).
func baseOptions() []cel.EnvOption {
	return []cel.EnvOption{
		cel.HomogeneousAggregateLiterals(),
		cel.EagerlyValidateDeclarations(true),
		cel.DefaultUTCTimeZone(true),
		cel.CrossTypeNumericComparisons(true),
		cel.OptionalTypes(),
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
		ext.TwoVarComprehensions(),
	}
}
