package k8scel

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	gtypes "github.com/google/cel-go/common/types"
	gref "github.com/google/cel-go/common/types/ref"
	gtraits "github.com/google/cel-go/common/types/traits"
	"gopkg.in/inf.v0"
	"k8s.io/apimachinery/pkg/api/resource"
)

// formatReal writes a github.com/google/cel-go value canonically; see
// formatOurs for the other fork (kept apart: the forks' types differ).
func formatReal(v gref.Val) string {
	switch x := v.(type) {
	case *gtypes.Optional:
		if !x.HasValue() {
			return "optional.none()"
		}
		return "optional.of(" + formatReal(x.GetValue()) + ")"
	case gtraits.Lister:
		var parts []string
		for i := gtypes.Int(0); i < x.Size().(gtypes.Int); i++ {
			parts = append(parts, formatReal(x.Get(i)))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case gtraits.Mapper:
		var parts []string
		for it := x.Iterator(); it.HasNext() == gtypes.True; {
			k := it.Next()
			parts = append(parts, formatReal(k)+": "+formatReal(x.Get(k)))
		}
		sort.Strings(parts)
		return "{" + strings.Join(parts, ", ") + "}"
	case gref.Type:
		return "type(" + x.TypeName() + ")"
	}
	if q, ok := v.Value().(*resource.Quantity); ok {
		return "kubernetes.Quantity=" + exactDec(q.AsDec())
	}
	if v.Type().(gref.Type).TypeName() == "kubernetes.NamedFormat" {
		// Its Go value holds a function pointer; the name identifies it.
		name, _, _ := strings.Cut(strings.TrimPrefix(fmt.Sprintf("%v", v.Value()), "{"), " ")
		return "kubernetes.NamedFormat{" + name + "}"
	}
	name := v.Type().(gref.Type).TypeName()
	switch v.(type) {
	case gtypes.Int, gtypes.Uint, gtypes.Double, gtypes.String, gtypes.Bool, gtypes.Bytes, gtypes.Null, gtypes.Duration, gtypes.Timestamp:
		return name + "(" + scalarText(v.Value()) + ")"
	}
	if s := v.ConvertToType(gtypes.StringType); !gtypes.IsError(s) {
		return name + "(" + scalarText(s.Value()) + ")"
	}
	return name + "{" + fmt.Sprintf("%v", v.Value()) + "}"
}

// exactDec writes an inf.Dec as k8scel.Quantity.Exact does:
// "<integer>e<exponent>", no trailing zeros in the integer.
func exactDec(d *inf.Dec) string {
	u := new(big.Int).Set(d.UnscaledBig())
	exp := -int64(d.Scale())
	if u.Sign() == 0 {
		return "0e0"
	}
	ten := big.NewInt(10)
	for {
		q, m := new(big.Int).QuoRem(u, ten, new(big.Int))
		if m.Sign() != 0 {
			break
		}
		u, exp = q, exp+1
	}
	return fmt.Sprintf("%se%d", u, exp)
}
