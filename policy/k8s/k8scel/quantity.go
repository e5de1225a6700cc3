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
	// The right-hand side of add(), sub() and the comparisons may be an int.
	binary := func(f func(Quantity, Quantity) ref.Val) func(ref.Val, ref.Val) ref.Val {
		return binaryOf(func(q Quantity, rhs ref.Val) ref.Val {
			switch r := rhs.(type) {
			case Quantity:
				return f(q, r)
			case types.Int:
				return f(q, intQuantity(int64(r)))
			}
			return types.MaybeNoSuchOverloadErr(rhs)
		})
	}
	arithmetic := func(op func(Quantity, Quantity) (Quantity, error)) func(Quantity, Quantity) ref.Val {
		return func(q, o Quantity) ref.Val {
			r, err := op(q, o)
			if err != nil {
				return types.WrapErr(err)
			}
			return r
		}
	}
	sum, difference := arithmetic(Quantity.Add), arithmetic(Quantity.Sub)
	compare := func(f func(int) ref.Val) func(Quantity, Quantity) ref.Val {
		return func(q, o Quantity) ref.Val { return f(q.Cmp(o)) }
	}
	qq := []*cel.Type{quantityType, quantityType}
	qi := []*cel.Type{quantityType, cel.IntType}
	return cel.Lib(library{name: "quantity", compile: []cel.EnvOption{
		cel.Types(quantityType),
		fromString("quantity", "string_to_quantity", quantityType, parseQuantity),
		parses("isQuantity", "is_quantity_string", parseQuantity),
		cel.Function("sign", cel.Overload("quantity_sign", []*cel.Type{quantityType}, cel.IntType,
			cel.UnaryBinding(unaryOf(func(q Quantity) ref.Val { return types.Int(q.u.Sign()) })))),
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
			cel.UnaryBinding(unaryOf(func(q Quantity) ref.Val {
				if v, ok := q.Int64(); ok {
					return types.Int(v)
				}
				return types.NewErr("cannot convert value to integer")
			})))),
		cel.Function("isInteger", cel.MemberOverload("quantity_is_integer", []*cel.Type{quantityType}, cel.BoolType,
			cel.UnaryBinding(unaryOf(func(q Quantity) ref.Val {
				_, ok := q.Int64()
				return types.Bool(ok)
			})))),
		cel.Function("asApproximateFloat", cel.MemberOverload("quantity_get_float", []*cel.Type{quantityType}, cel.DoubleType,
			cel.UnaryBinding(unaryOf(func(q Quantity) ref.Val { return types.Double(q.Float64()) })))),
	}})
}
