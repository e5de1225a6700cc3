package k8scel

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// The adapters below turn functions of Go types into CEL bindings. An
// argument of another type is "no such overload" (or the error it
// already is), as in Kubernetes' libraries.

// unaryOf adapts a function of a T to a unary binding.
func unaryOf[T ref.Val](f func(T) ref.Val) func(ref.Val) ref.Val {
	return func(arg ref.Val) ref.Val {
		v, ok := arg.(T)
		if !ok {
			return types.MaybeNoSuchOverloadErr(arg)
		}
		return f(v)
	}
}

// binaryOf adapts a function of a T and a U to a binary binding; U
// ref.Val leaves the right-hand side to f.
func binaryOf[T, U ref.Val](f func(T, U) ref.Val) func(ref.Val, ref.Val) ref.Val {
	return func(lhs, rhs ref.Val) ref.Val {
		a, ok := lhs.(T)
		if !ok {
			return types.MaybeNoSuchOverloadErr(lhs)
		}
		b, ok := rhs.(U)
		if !ok {
			return types.MaybeNoSuchOverloadErr(rhs)
		}
		return f(a, b)
	}
}

// binaryOrParsed adapts f to a right-hand side that is a V or a string
// parse reads as one, such as containsIP()'s; refused answers a string
// parse refuses.
func binaryOrParsed[T, V ref.Val](parse func(string) (V, error), refused func(error) ref.Val,
	f func(T, V) ref.Val) func(ref.Val, ref.Val) ref.Val {
	return binaryOf(func(lhs T, rhs ref.Val) ref.Val {
		switch v := rhs.(type) {
		case V:
			return f(lhs, v)
		case types.String:
			parsed, err := parse(string(v))
			if err != nil {
				return refused(err)
			}
			return f(lhs, parsed)
		}
		return types.MaybeNoSuchOverloadErr(rhs)
	})
}

// stringFunc adapts a function of a Go string to a unary binding.
func stringFunc(f func(string) ref.Val) func(ref.Val) ref.Val {
	return unaryOf(func(s types.String) ref.Val { return f(string(s)) })
}

// fromString declares a type's constructor, such as cidr(): name(string)
// is what parse makes of the string, or parse's error.
func fromString[V ref.Val](name, id string, t *cel.Type, parse func(string) (V, error)) cel.EnvOption {
	return cel.Function(name, cel.Overload(id, []*cel.Type{cel.StringType}, t,
		cel.UnaryBinding(stringFunc(func(s string) ref.Val {
			v, err := parse(s)
			if err != nil {
				return types.WrapErr(err)
			}
			return v
		}))))
}

// parses declares a type's test, such as isCIDR(): name(string) is
// whether parse accepts the string.
func parses[V any](name, id string, parse func(string) (V, error)) cel.EnvOption {
	return cel.Function(name, cel.Overload(id, []*cel.Type{cel.StringType}, cel.BoolType,
		cel.UnaryBinding(stringFunc(func(s string) ref.Val {
			_, err := parse(s)
			return types.Bool(err == nil)
		}))))
}
