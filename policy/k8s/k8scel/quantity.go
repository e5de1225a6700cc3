package k8scel

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// QuantityLib is Kubernetes' quantity library: quantity(), isQuantity(),
// sign() (a global function, not a method, in Kubernetes), comparisons,
// add()/sub() with quantities or ints, and the conversions.
func QuantityLib() cel.EnvOption {
	unary := func(f func(Quantity) ref.Val) func(ref.Val) ref.Val {
		return func(arg ref.Val) ref.Val {
			q, ok := arg.(Quantity)
			if !ok {
				return types.MaybeNoSuchOverloadErr(arg)
			}
			return f(q)
		}
	}
	binary := func(f func(Quantity, Quantity) ref.Val) func(ref.Val, ref.Val) ref.Val {
		return func(lhs, rhs ref.Val) ref.Val {
			q, ok := lhs.(Quantity)
			if !ok {
				return types.MaybeNoSuchOverloadErr(lhs)
			}
			var o Quantity
			switch r := rhs.(type) {
			case Quantity:
				o = r
			case types.Int:
				o = intQuantity(int64(r))
			default:
				return types.MaybeNoSuchOverloadErr(rhs)
			}
			return f(q, o)
		}
	}
	sum := func(q, o Quantity) ref.Val {
		r, err := q.Add(o)
		if err != nil {
			return types.WrapErr(err)
		}
		return r
	}
	difference := func(q, o Quantity) ref.Val {
		r, err := q.Sub(o)
		if err != nil {
			return types.WrapErr(err)
		}
		return r
	}
	compare := func(f func(int) ref.Val) func(Quantity, Quantity) ref.Val {
		return func(q, o Quantity) ref.Val { return f(q.Cmp(o)) }
	}
	qq := []*cel.Type{quantityType, quantityType}
	qi := []*cel.Type{quantityType, cel.IntType}
	return cel.Lib(library{name: "quantity", compile: []cel.EnvOption{
		cel.Types(quantityType),
		cel.Function("quantity", cel.Overload("string_to_quantity", []*cel.Type{cel.StringType}, quantityType,
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				q, err := parseQuantity(s)
				if err != nil {
					return types.WrapErr(err)
				}
				return q
			})))),
		cel.Function("isQuantity", cel.Overload("is_quantity_string", []*cel.Type{cel.StringType}, cel.BoolType,
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				_, err := parseQuantity(s)
				return types.Bool(err == nil)
			})))),
		cel.Function("sign", cel.Overload("quantity_sign", []*cel.Type{quantityType}, cel.IntType,
			cel.UnaryBinding(unary(func(q Quantity) ref.Val { return types.Int(q.u.Sign()) })))),
		cel.Function("isGreaterThan", cel.MemberOverload("quantity_is_greater_than", qq, cel.BoolType,
			cel.BinaryBinding(binary(compare(func(c int) ref.Val { return types.Bool(c > 0) }))))),
		cel.Function("isLessThan", cel.MemberOverload("quantity_is_less_than", qq, cel.BoolType,
			cel.BinaryBinding(binary(compare(func(c int) ref.Val { return types.Bool(c < 0) }))))),
		cel.Function("compareTo", cel.MemberOverload("quantity_compare_to", qq, cel.IntType,
			cel.BinaryBinding(binary(compare(func(c int) ref.Val { return types.Int(c) }))))),
		cel.Function("add",
			cel.MemberOverload("quantity_add", qq, quantityType, cel.BinaryBinding(binary(sum))),
			cel.MemberOverload("quantity_add_int", qi, quantityType, cel.BinaryBinding(binary(sum)))),
		cel.Function("sub",
			cel.MemberOverload("quantity_sub", qq, quantityType,
				cel.BinaryBinding(binary(difference))),
			cel.MemberOverload("quantity_sub_int", qi, quantityType,
				cel.BinaryBinding(binary(difference)))),
		cel.Function("asInteger", cel.MemberOverload("quantity_get_int", []*cel.Type{quantityType}, cel.IntType,
			cel.UnaryBinding(unary(func(q Quantity) ref.Val {
				if v, ok := q.Int64(); ok {
					return types.Int(v)
				}
				return types.NewErr("cannot convert value to integer")
			})))),
		cel.Function("isInteger", cel.MemberOverload("quantity_is_integer", []*cel.Type{quantityType}, cel.BoolType,
			cel.UnaryBinding(unary(func(q Quantity) ref.Val {
				_, ok := q.Int64()
				return types.Bool(ok)
			})))),
		cel.Function("asApproximateFloat", cel.MemberOverload("quantity_get_float", []*cel.Type{quantityType}, cel.DoubleType,
			cel.UnaryBinding(unary(func(q Quantity) ref.Val { return types.Double(q.Float64()) })))),
	}})
}
