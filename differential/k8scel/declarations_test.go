package k8scel

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"
	gcel "github.com/google/cel-go/cel"
	gext "github.com/google/cel-go/ext"

	"github.com/oidcscope/oidcscope/policy/k8s/k8scel"
)

// authzPrefixes mark the overloads of the authorizer library's, which no authentication
// expression can reach (there is no `authorizer` variable) and k8scel
// leaves out.
var authzPrefixes = []string{"authorizer_", "pathcheck_", "resourcecheck_", "groupcheck_", "decision_"}

// TestDeclarationsMatch compares every function overload Kubernetes'
// libraries add to kube-apiserver's environment (its environment minus
// cel-go's own libraries, built the same way) with what k8scel adds to
// ours: same names, overload IDs, member or global, argument and result
// types.
func TestDeclarationsMatch(t *testing.T) {
	base, err := gcel.NewEnv(gcel.OptionalTypes(), gext.Strings(gext.StringsVersion(2)), gext.Sets(),
		gext.Lists(gext.ListsVersion(3)), gext.TwoVarComprehensions())
	if err != nil {
		t.Fatal(err)
	}
	baseIDs := ids(overloads(base.Functions()))
	real := declared(overloads(realEnv().Functions()), func(id string) bool {
		return baseIDs[id] || slices.ContainsFunc(authzPrefixes, func(p string) bool { return strings.HasPrefix(id, p) })
	})
	oursBase, err := cel.NewEnv(cel.OptionalTypes(), ext.Strings(ext.StringsVersion(2)), ext.Sets(),
		ext.Lists(ext.ListsVersion(3)), ext.TwoVarComprehensions())
	if err != nil {
		t.Fatal(err)
	}
	oursLibs, err := oursBase.Extend(k8scel.URLs(), k8scel.Regex(), k8scel.QuantityLib(), k8scel.IPLib(),
		k8scel.CIDRLib(), k8scel.FormatLib(), k8scel.SemverLib(k8scel.SemverVersion(1)), k8scel.Lists(k8scel.ListsVersion(1)))
	if err != nil {
		t.Fatal(err)
	}
	oursBaseIDs := ids(overloads(oursBase.Functions()))
	ours := declared(overloads(oursLibs.Functions()), func(id string) bool { return oursBaseIDs[id] })
	for d := range real {
		if !ours[d] {
			t.Errorf("kube-apiserver declares, k8scel does not: %s", d)
		}
	}
	for d := range ours {
		if !real[d] {
			t.Errorf("k8scel declares, kube-apiserver does not: %s", d)
		}
	}
	t.Logf("%d overloads compared", len(real))
}

// overload is one overload declaration: its ID, and what it declares as
// "name id member=… args -> result".
type overload struct{ id, desc string }

// The forks' declarations, as overloads reads them.
type (
	functionDecl[O any] interface{ OverloadDecls() []O }
	overloadDecl[T any] interface {
		ID() string
		IsMemberFunction() bool
		ArgTypes() []T
		ResultType() T
	}
)

// overloads lists the overloads of a fork's functions.
func overloads[F functionDecl[O], O overloadDecl[T], T any](fns map[string]F) []overload {
	var out []overload
	for name, fn := range fns {
		for _, o := range fn.OverloadDecls() {
			out = append(out, overload{o.ID(),
				fmt.Sprintf("%s %s member=%v %v -> %v", name, o.ID(), o.IsMemberFunction(), o.ArgTypes(), o.ResultType())})
		}
	}
	return out
}

// ids are the overloads' IDs.
func ids(decls []overload) map[string]bool {
	out := map[string]bool{}
	for _, o := range decls {
		out[o.id] = true
	}
	return out
}

// declared are the descriptions of the overloads but those skip names.
func declared(decls []overload, skip func(id string) bool) map[string]bool {
	out := map[string]bool{}
	for _, o := range decls {
		if !skip(o.id) {
			out[o.desc] = true
		}
	}
	return out
}
