package k8s

import (
	"reflect"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"
)

// costLimit is kube-apiserver's per-expression CEL cost limit
// (celconfig.PerCallLimit): an expression that costs more fails, which
// also bounds the work a hostile token (huge strings, long lists) causes.
const costLimit = 1000000

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
// by every Parse: a cel.Env is safe for concurrent use once built.
type envs struct {
	claims *cel.Env // `claims`: map(string, dyn)
	user   *cel.Env // `user`: UserInfo
}

var sharedEnvs = sync.OnceValues(func() (envs, error) {
	claims, err := cel.NewEnv(append(baseOptions(),
		cel.Variable(varClaims, cel.MapType(cel.StringType, cel.DynType)))...)
	if err != nil {
		return envs{}, err
	}
	user, err := cel.NewEnv(append(baseOptions(),
		ext.NativeTypes(reflect.TypeFor[UserInfo](), ext.ParseStructTags(true)),
		cel.Variable("user", cel.ObjectType("k8s.UserInfo")))...)
	if err != nil {
		return envs{}, err
	}
	return envs{claims: claims, user: user}, nil
})

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
		ext.Sets(),
		ext.TwoVarComprehensions(),
	}
}
