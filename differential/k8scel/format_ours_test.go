package k8scel

import (
	"fmt"
	"sort"
	"strings"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/oidcscope/oidcscope/policy/k8s/k8scel"
)

// formatOurs writes a cel.dev/cel-go value canonically, as formatReal
// does for the other fork.
func formatOurs(v ref.Val) string {
	switch x := v.(type) {
	case *types.Optional:
		if !x.HasValue() {
			return "optional.none()"
		}
		return "optional.of(" + formatOurs(x.GetValue()) + ")"
	case traits.Lister:
		var parts []string
		for i := types.Int(0); i < x.Size().(types.Int); i++ {
			parts = append(parts, formatOurs(x.Get(i)))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case traits.Mapper:
		var parts []string
		for it := x.Iterator(); it.HasNext() == types.True; {
			k := it.Next()
			parts = append(parts, formatOurs(k)+": "+formatOurs(x.Get(k)))
		}
		sort.Strings(parts)
		return "{" + strings.Join(parts, ", ") + "}"
	case ref.Type:
		return "type(" + x.TypeName() + ")"
	case k8scel.Quantity:
		return "kubernetes.Quantity=" + x.Exact()
	case k8scel.URL:
		// Kubernetes' URL has no string conversion; its Go value prints so.
		return "kubernetes.URL{" + x.URL.String() + "}"
	case k8scel.NamedFormat:
		return "kubernetes.NamedFormat{" + x.Name + "}"
	}
	name := v.Type().(ref.Type).TypeName()
	switch v.(type) {
	case types.Int, types.Uint, types.Double, types.String, types.Bool, types.Bytes, types.Null, types.Duration, types.Timestamp:
		return name + "(" + scalarText(v.Value()) + ")"
	}
	if s := v.ConvertToType(types.StringType); !types.IsError(s) {
		return name + "(" + scalarText(s.Value()) + ")"
	}
	return name + "{" + fmt.Sprintf("%v", v.Value()) + "}"
}
