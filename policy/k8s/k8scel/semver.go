package k8scel

import (
	"fmt"
	"reflect"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/blang/semver/v4"
)

// semverType is Kubernetes' CEL type of a semantic version.
var semverType = cel.ObjectType("kubernetes.Semver")

// Semver is a kubernetes.Semver value. Kubernetes parses with
// github.com/blang/semver/v4, so we do too: same grammar, same messages,
// same ordering (build metadata ignored, so 1.0.0+a == 1.0.0+b).
type Semver struct{ semver.Version }

// Kubernetes' semver has no string conversion.
var semverKind = objectKind[Semver]{
	celType: semverType,
	native:  func(v Semver) any { return v.Version },
	quoted:  true,
	equal:   func(v, w Semver) ref.Val { return types.Bool(v.Version.Equals(w.Version)) },
}

func (v Semver) ConvertToNative(t reflect.Type) (any, error) { return semverKind.convertToNative(v, t) }
func (v Semver) ConvertToType(t ref.Type) ref.Val            { return semverKind.convertToType(v, t) }
func (v Semver) Equal(other ref.Val) ref.Val                 { return semverKind.equalTo(v, other) }
func (v Semver) Type() ref.Type                              { return semverType }
func (v Semver) Value() any                                  { return v.Version }

// SemverOption configures SemverLib.
type SemverOption func(*semverConfig)

type semverConfig struct{ version uint32 }

// SemverVersion selects the library version: from 1 on, semver() and
// isSemver() take a second argument, normalize.
func SemverVersion(v uint32) SemverOption {
	return func(c *semverConfig) { c.version = v }
}

// normalizeSemver is what normalize=true allows: a leading "v", leading
// zeros, and a missing minor or patch ("v01.2" is 1.2.0). Unlike
// blang's ParseTolerant it trims no spaces, as kube-apiserver does not.
func normalizeSemver(s string) (string, error) {
	s = strings.TrimPrefix(s, "v")
	parts := strings.SplitN(s, ".", 3)
	for i, p := range parts {
		if len(p) > 1 {
			p = strings.TrimLeft(p, "0")
			if p == "" || !isDigit(p[0]) {
				p = "0" + p
			}
			parts[i] = p
		}
	}
	if len(parts) < 3 {
		if strings.ContainsAny(parts[len(parts)-1], "+-") {
			return "", fmt.Errorf("short version cannot contain PreRelease/Build meta data")
		}
		for len(parts) < 3 {
			parts = append(parts, "0")
		}
	}
	return strings.Join(parts, "."), nil
}

func parseSemver(s string, normalize bool) (semver.Version, error) {
	if normalize {
		n, err := normalizeSemver(s)
		if err != nil {
			return semver.Version{}, err
		}
		s = n
	}
	return semver.Parse(s)
}

// SemverLib is Kubernetes' semver library: semver(), isSemver(),
// major()/minor()/patch() and the comparisons.
func SemverLib(options ...SemverOption) cel.EnvOption {
	cfg := semverConfig{}
	for _, o := range options {
		o(&cfg)
	}
	toSemver := func(args ...ref.Val) ref.Val {
		v, err := semverArgs(args)
		if err != nil {
			return types.WrapErr(err)
		}
		return Semver{v}
	}
	isSemver := func(args ...ref.Val) ref.Val {
		_, err := semverArgs(args)
		return types.Bool(err == nil)
	}
	toSemverOverloads := []cel.FunctionOpt{cel.Overload("string_to_semver", []*cel.Type{cel.StringType}, semverType,
		cel.FunctionBinding(toSemver))}
	isSemverOverloads := []cel.FunctionOpt{cel.Overload("is_semver_string", []*cel.Type{cel.StringType}, cel.BoolType,
		cel.FunctionBinding(isSemver))}
	if cfg.version >= 1 {
		toSemverOverloads = append(toSemverOverloads, cel.Overload("string_bool_to_semver",
			[]*cel.Type{cel.StringType, cel.BoolType}, semverType, cel.FunctionBinding(toSemver)))
		isSemverOverloads = append(isSemverOverloads, cel.Overload("is_semver_string_bool",
			[]*cel.Type{cel.StringType, cel.BoolType}, cel.BoolType, cel.FunctionBinding(isSemver)))
	}
	part := func(name string, f func(semver.Version) uint64) cel.EnvOption {
		return cel.Function(name, cel.MemberOverload("semver_"+name, []*cel.Type{semverType}, cel.IntType,
			cel.UnaryBinding(unaryOf(func(v Semver) ref.Val {
				return types.Int(int64(f(v.Version))) // uint64 wraps into CEL's int as in Kubernetes.
			}))))
	}
	cmp := func(name, id string, result *cel.Type, f func(int) ref.Val) cel.EnvOption {
		return cel.Function(name, cel.MemberOverload(id, []*cel.Type{semverType, semverType}, result,
			cel.BinaryBinding(binaryOf(func(a, b Semver) ref.Val { return f(a.Version.Compare(b.Version)) }))))
	}
	return cel.Lib(library{name: "semver", compile: []cel.EnvOption{
		cel.Types(semverType),
		cel.Function("semver", toSemverOverloads...),
		cel.Function("isSemver", isSemverOverloads...),
		part("major", func(v semver.Version) uint64 { return v.Major }),
		part("minor", func(v semver.Version) uint64 { return v.Minor }),
		part("patch", func(v semver.Version) uint64 { return v.Patch }),
		cmp("isGreaterThan", "semver_is_greater_than", cel.BoolType, func(c int) ref.Val { return types.Bool(c > 0) }),
		cmp("isLessThan", "semver_is_less_than", cel.BoolType, func(c int) ref.Val { return types.Bool(c < 0) }),
		cmp("compareTo", "semver_compare_to", cel.IntType, func(c int) ref.Val { return types.Int(c) }),
	}})
}

// semverArgs parses semver()'s arguments: a string and, from version 1,
// normalize.
func semverArgs(args []ref.Val) (semver.Version, error) {
	s, ok := args[0].(types.String)
	if !ok {
		return semver.Version{}, fmt.Errorf("no such overload")
	}
	normalize := false
	if len(args) == 2 {
		b, ok := args[1].(types.Bool)
		if !ok {
			return semver.Version{}, fmt.Errorf("no such overload")
		}
		normalize = bool(b)
	}
	return parseSemver(string(s), normalize)
}
