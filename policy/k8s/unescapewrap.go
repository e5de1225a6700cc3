package k8s

import (
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
)

// unescapeWrap is kube-apiserver's unescapeWrapper: nested JSON objects
// (at any depth, through arrays too) also accept escaped field names,
// claims.obj.a__dot__b reading the member "a.b".
func unescapeWrap(v ref.Val) ref.Val {
	switch x := v.(type) {
	case traits.Mapper:
		return &unescapeMapper{Mapper: x}
	case traits.Lister:
		return &unescapeLister{Lister: x}
	}
	return v
}

type unescapeMapper struct{ traits.Mapper }

func (m *unescapeMapper) Find(key ref.Val) (ref.Val, bool) {
	if n, ok := key.(types.String); ok {
		if name, ok := unescape(string(n)); ok && name != string(n) {
			key = types.String(name)
		}
	}
	v, ok := m.Mapper.Find(key)
	return unescapeWrap(v), ok
}

type unescapeLister struct{ traits.Lister }

func (l *unescapeLister) Get(index ref.Val) ref.Val { return unescapeWrap(l.Lister.Get(index)) }
