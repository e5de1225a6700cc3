package k8scel

import (
	"fmt"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// objectKind is what the ref.Val methods of one of Kubernetes' object
// types (net.IP, kubernetes.Quantity, …) differ in; V is its Go type.
// Each type's methods hand over to it, so the rules live in one place.
type objectKind[V ref.Val] struct {
	celType *cel.Type
	// native is the Go value ConvertToNative offers before V itself
	// (netip.Addr for net.IP); nil where V is all there is.
	native func(V) any
	// text is string(v); nil where Kubernetes has no such conversion.
	text func(V) string
	// quoted: Kubernetes quotes the type names in this type's conversion
	// errors ("from 'kubernetes.Semver' to 'int'").
	quoted bool
	// equal is v == w, both of type V.
	equal func(v, w V) ref.Val
}

func (k objectKind[V]) convertToNative(v V, t reflect.Type) (any, error) {
	if k.native != nil {
		if n := k.native(v); reflect.TypeOf(n).AssignableTo(t) {
			return n, nil
		}
	}
	if reflect.TypeOf(v).AssignableTo(t) {
		return v, nil
	}
	return nil, fmt.Errorf("type conversion from %s to %v not supported", k.celType.TypeName(), t)
}

func (k objectKind[V]) convertToType(v V, t ref.Type) ref.Val {
	switch {
	case t == types.TypeType:
		return k.celType
	case t == types.StringType && k.text != nil:
		return types.String(k.text(v))
	}
	format := "type conversion error from %s to %s"
	if k.quoted {
		format = "type conversion error from '%s' to '%s'"
	}
	return types.NewErr(format, k.celType.TypeName(), t.TypeName())
}

func (k objectKind[V]) equalTo(v V, other ref.Val) ref.Val {
	w, ok := other.(V)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return k.equal(v, w)
}

// comparableKind is the kind of a type wrapping a comparable Go value
// that has a string form (netip.Addr for net.IP): the Go value is the
// native one, its String() the string conversion, == the equality.
func comparableKind[V ref.Val, N interface {
	comparable
	String() string
}](celType *cel.Type, native func(V) N) objectKind[V] {
	return objectKind[V]{
		celType: celType,
		native:  func(v V) any { return native(v) },
		text:    func(v V) string { return native(v).String() },
		equal:   func(v, w V) ref.Val { return types.Bool(native(v) == native(w)) },
	}
}
