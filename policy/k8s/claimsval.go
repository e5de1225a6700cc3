package k8s

import (
	"fmt"
	"reflect"
	"strconv"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// claimsType is the runtime type of the `claims` value kube-apiserver
// builds (newClaimsValue, k8s.io/apiserver/pkg/cel/lazy): an object type
// that can be indexed, tested for presence and iterated, but has neither
// the sizer nor the container trait, so size(claims) and `'x' in claims`
// compile (claims is declared a map) and fail as they run with "no such
// overload".
var claimsType = types.NewTypeValue("kubernetes.claims", traits.IndexerType|traits.FieldTesterType|traits.IterableType)

// claimsValue is the token's claims as Kubernetes' lazy map shows them to
// CEL. Each claim is decoded on its own by encoding/json into `any`
// (numbers are doubles; of a duplicated member the last wins), and a
// comprehension over the map iterates the claims' VALUES, not their names
// (the lazy map's iterator returns Get(name)): an upstream quirk, followed
// here because it decides verdicts. Built once per token; read-only.
type claimsValue struct {
	names  []string // in token order, each once
	values map[string]ref.Val
}

var (
	_ ref.Val       = (*claimsValue)(nil)
	_ traits.Mapper = (*claimsValue)(nil)
)

func newClaimsValue(tok policy.Token) *claimsValue {
	c := &claimsValue{values: map[string]ref.Val{}}
	if tok.Payload.Kind != decode.Object {
		return c
	}
	for _, m := range tok.Payload.Members {
		if _, seen := c.values[m.Key]; !seen {
			c.names = append(c.names, m.Key)
		}
		c.values[m.Key] = claimToVal(m.Key, m.Value)
	}
	return c
}

// claimToVal is one claim as kube-apiserver converts it: json.Unmarshal
// into `any`, then cel-go's default adapter, wrapped so nested maps
// unescape __dot__ names too.
func claimToVal(name string, v decode.Value) ref.Val {
	native, err := jsonNative(v)
	if err != nil {
		return types.NewErr("claim %s failed to unmarshal: %v", escape.Quoted(name), err)
	}
	return unescapeWrap(types.DefaultTypeAdapter.NativeToValue(native))
}

// jsonNative is what encoding/json's Unmarshal into `any` makes of v:
// float64 numbers, the last of duplicated members.
func jsonNative(v decode.Value) (any, error) {
	switch v.Kind {
	case decode.Bool:
		return v.Text == "true", nil
	case decode.Number:
		f, err := strconv.ParseFloat(v.Text, 64)
		if err != nil {
			return nil, fmt.Errorf("json: cannot unmarshal number %s into Go value of type float64", v.Text)
		}
		return f, nil
	case decode.String:
		return v.Text, nil
	case decode.Array:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			x, err := jsonNative(it)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	case decode.Object:
		out := make(map[string]any, len(v.Members))
		for _, m := range v.Members {
			x, err := jsonNative(m.Value)
			if err != nil {
				return nil, err
			}
			out[m.Key] = x
		}
		return out, nil
	}
	return nil, nil
}

// Find is the lazy map's: the key is unescaped first (claims.a__dot__b
// reads "a.b"); a key that does not unescape finds nothing.
func (c *claimsValue) Find(key ref.Val) (ref.Val, bool) {
	n, ok := key.(types.String)
	if !ok {
		return types.MaybeNoSuchOverloadErr(n), true
	}
	name, ok := unescape(string(n))
	if !ok {
		return nil, false
	}
	v, found := c.values[name]
	return v, found
}

func (c *claimsValue) Get(key ref.Val) ref.Val {
	if v, found := c.Find(key); found {
		return v
	}
	return types.ValOrErr(key, "no such key: %v", key)
}

func (c *claimsValue) Contains(key ref.Val) ref.Val {
	v, found := c.Find(key)
	if v != nil && types.IsUnknownOrError(v) {
		return v
	}
	return types.Bool(found)
}

// Size is there for the interface; CEL's size() does not reach it (the
// type lacks the sizer trait), but comprehensions use it to skip an empty
// map, as over Kubernetes' value.
func (c *claimsValue) Size() ref.Val { return types.Int(len(c.names)) }

func (c *claimsValue) Iterator() traits.Iterator { return &claimsIterator{parent: c} }

func (c *claimsValue) ConvertToNative(typeDesc reflect.Type) (any, error) {
	return nil, fmt.Errorf("disallowed conversion from %q to %q", claimsType.TypeName(), typeDesc.Name())
}

func (c *claimsValue) ConvertToType(typeVal ref.Type) ref.Val {
	switch typeVal {
	case claimsType:
		return c
	case types.TypeType:
		return claimsType
	}
	return types.NewErr("disallowed conversion from %q to %q", claimsType.TypeName(), typeVal.TypeName())
}

func (c *claimsValue) Equal(other ref.Val) ref.Val {
	o, ok := other.(*claimsValue)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return types.Bool(c == o)
}

func (c *claimsValue) Type() ref.Type { return claimsType }
func (c *claimsValue) Value() any     { return types.NoSuchOverloadErr() }

// claimsIterator yields the claims' values, as Kubernetes' does.
type claimsIterator struct {
	parent *claimsValue
	index  int
}

func (i *claimsIterator) HasNext() ref.Val { return types.Bool(i.index < len(i.parent.names)) }

func (i *claimsIterator) Next() ref.Val {
	v := i.parent.Get(types.String(i.parent.names[i.index]))
	i.index++
	return v
}

func (i *claimsIterator) ConvertToNative(typeDesc reflect.Type) (any, error) {
	return nil, fmt.Errorf("disallowed conversion to %q", typeDesc.Name())
}

func (i *claimsIterator) ConvertToType(typeValue ref.Type) ref.Val {
	return types.NewErr("disallowed conversion o %q", typeValue.TypeName())
}

func (i *claimsIterator) Equal(other ref.Val) ref.Val {
	o, ok := other.(*claimsIterator)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return types.Bool(o == i)
}

func (i *claimsIterator) Type() ref.Type { return types.IteratorType }
func (i *claimsIterator) Value() any     { return nil }
