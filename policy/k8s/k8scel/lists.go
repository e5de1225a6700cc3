package k8scel

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
)

// ListsOption configures Lists.
type ListsOption func(*listsConfig)

type listsConfig struct{ version uint32 }

// ListsVersion selects the library version kube-apiserver's environment
// names. Kubernetes' list library has had one function set so far, so
// every version declares the same functions; the option is kept so a
// caller can say which one it means.
func ListsVersion(v uint32) ListsOption {
	return func(c *listsConfig) { c.version = v }
}

// Lists is Kubernetes' list library: isSorted(), sum(), min(), max(),
// indexOf(), lastIndexOf() and includes(). (cel-go's ext.Lists brings
// the others kube-apiserver has: distinct, flatten, sort, slice, …)
func Lists(options ...ListsOption) cel.EnvOption {
	cfg := listsConfig{}
	for _, o := range options {
		o(&cfg)
	}
	// Kubernetes declares one overload per comparable element type; the
	// Go type names appear in the overload IDs.
	comparable := []struct {
		id string
		t  *cel.Type
	}{
		{"int", cel.IntType}, {"uint", cel.UintType}, {"double", cel.DoubleType},
		{"bool", cel.BoolType}, {"duration", cel.DurationType}, {"timestamp", cel.TimestampType},
		{"string", cel.StringType}, {"bytes", cel.BytesType},
	}
	summable := []struct {
		id   string
		t    *cel.Type
		zero ref.Val
	}{
		{"int", cel.IntType, types.Int(0)}, {"uint", cel.UintType, types.Uint(0)},
		{"double", cel.DoubleType, types.Double(0)}, {"duration", cel.DurationType, types.Duration{}},
	}
	var isSorted, minO, maxO, sum []cel.FunctionOpt
	for _, c := range comparable {
		lt := cel.ListType(c.t)
		isSorted = append(isSorted, cel.MemberOverload("list_"+c.id+"_is_sorted_bool", []*cel.Type{lt}, cel.BoolType,
			cel.UnaryBinding(listIsSorted)))
		minO = append(minO, cel.MemberOverload("list_"+c.id+"_min_"+c.id, []*cel.Type{lt}, c.t,
			cel.UnaryBinding(listExtreme("min", types.IntNegOne))))
		maxO = append(maxO, cel.MemberOverload("list_"+c.id+"_max_"+c.id, []*cel.Type{lt}, c.t,
			cel.UnaryBinding(listExtreme("max", types.IntOne))))
	}
	for _, s := range summable {
		sum = append(sum, cel.MemberOverload("list_"+s.id+"_sum_"+s.id, []*cel.Type{cel.ListType(s.t)}, s.t,
			cel.UnaryBinding(listSum(s.zero))))
	}
	a := cel.TypeParamType("A")
	return cel.Lib(library{name: "lists", compile: []cel.EnvOption{
		cel.Function("isSorted", isSorted...),
		cel.Function("sum", sum...),
		cel.Function("min", minO...),
		cel.Function("max", maxO...),
		cel.Function("indexOf", cel.MemberOverload("list_a_index_of_int", []*cel.Type{cel.ListType(a), a}, cel.IntType,
			cel.BinaryBinding(listIndexOf(false)))),
		cel.Function("lastIndexOf", cel.MemberOverload("list_a_last_index_of_int", []*cel.Type{cel.ListType(a), a}, cel.IntType,
			cel.BinaryBinding(listIndexOf(true)))),
		cel.Function("includes", cel.MemberOverload("list_includes_dyn_dyn", []*cel.Type{cel.DynType, cel.DynType}, cel.BoolType,
			cel.BinaryBinding(func(lhs, rhs ref.Val) ref.Val {
				i := listIndexOf(false)(lhs, rhs)
				if n, ok := i.(types.Int); ok {
					return types.Bool(n >= 0)
				}
				return i
			}))),
	}})
}

// elements returns a list's values, or the error cel-go gives for a
// value that is not a list.
func elements(v ref.Val) ([]ref.Val, ref.Val) {
	l, ok := v.(traits.Lister)
	if !ok {
		return nil, types.MaybeNoSuchOverloadErr(v)
	}
	n := int(l.Size().(types.Int))
	out := make([]ref.Val, n)
	for i := range n {
		out[i] = l.Get(types.Int(i))
	}
	return out, nil
}

// compare orders two values, or returns the error for values that do not
// order (cel-go's own Compare, so mixed int/double lists order numerically).
func compare(a, b ref.Val) (types.Int, ref.Val) {
	c, ok := a.(traits.Comparer)
	if !ok {
		return 0, types.MaybeNoSuchOverloadErr(a)
	}
	r := c.Compare(b)
	n, ok := r.(types.Int)
	if !ok {
		return 0, r
	}
	return n, nil
}

// listIsSorted is false only when a pair is out of order: a pair that
// does not compare (1 and "a" in a list(dyn)) counts as in order, as in
// Kubernetes.
func listIsSorted(v ref.Val) ref.Val {
	elems, err := elements(v)
	if err != nil {
		return err
	}
	for i := 1; i < len(elems); i++ {
		if c, err := compare(elems[i-1], elems[i]); err == nil && c > 0 {
			return types.False
		}
	}
	return types.True
}

// listExtreme returns min (want -1) or max (want 1): the first element no
// later one beats; elements that do not compare with it are passed over,
// as in Kubernetes.
func listExtreme(name string, want types.Int) func(ref.Val) ref.Val {
	return func(v ref.Val) ref.Val {
		elems, err := elements(v)
		if err != nil {
			return err
		}
		if len(elems) == 0 {
			return types.NewErr("%s called on empty list", name)
		}
		best := elems[0]
		for _, e := range elems[1:] {
			if c, err := compare(e, best); err == nil && c == want {
				best = e
			}
		}
		return best
	}
}

// listSum adds the elements; an empty list sums to the overload's zero.
func listSum(zero ref.Val) func(ref.Val) ref.Val {
	return func(v ref.Val) ref.Val {
		elems, err := elements(v)
		if err != nil {
			return err
		}
		if len(elems) == 0 {
			return zero
		}
		total := elems[0]
		for _, e := range elems[1:] {
			adder, ok := total.(traits.Adder)
			if !ok {
				return types.MaybeNoSuchOverloadErr(total)
			}
			total = adder.Add(e)
			if types.IsError(total) {
				return total
			}
		}
		return total
	}
}

func listIndexOf(last bool) func(ref.Val, ref.Val) ref.Val {
	return func(lhs, rhs ref.Val) ref.Val {
		elems, err := elements(lhs)
		if err != nil {
			return err
		}
		found := types.Int(-1)
		for i, e := range elems {
			// An error (a pair == refuses) counts as unequal, as in
			// Kubernetes.
			if e.Equal(rhs) == types.True {
				found = types.Int(i)
				if !last {
					break
				}
			}
		}
		return found
	}
}
