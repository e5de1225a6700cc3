package celclaims

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"

	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
)

// testRuntime is a runtime over the claims variable with the libraries of
// both providers' environments: ext.Strings at Kubernetes' version 2 with
// StringsCostModels, ext.Sets, optional types.
func testRuntime(t testing.TB) *Runtime {
	t.Helper()
	env, err := cel.NewEnv(
		cel.Variable("claims", cel.MapType(cel.StringType, cel.DynType)),
		cel.OptionalTypes(),
		ext.Strings(ext.StringsVersion(2)),
		cel.CostModel(StringsCostModels()...),
		ext.Sets(),
	)
	if err != nil {
		t.Fatal(err)
	}
	rt, err := NewRuntime(env)
	if err != nil {
		t.Fatal(err)
	}
	return rt
}

// compile checks src and plans it with the runtime's bounds.
func compile(t testing.TB, rt *Runtime, src string) cel.Program {
	t.Helper()
	a, _ := checked(t, rt.Env(), src)
	prg, err := rt.Program(a)
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return prg
}

// plain plans src as cel-go would without oidcscope's bounds.
func plain(t testing.TB, rt *Runtime, src string) cel.Program {
	t.Helper()
	return program(t, rt.Env(), src)
}

var guardVars = map[string]any{"claims": map[string]any{
	"s": "a,b,,c", "n": int64(3), "l": []any{"a", "b"}, "m": map[string]any{"a": "b"},
	"nested": []any{[]any{"a"}, []any{"b"}}, "p": "^a", "bad": "[",
}}

// TestGuardKeepsSemantics: every guarded function, under the budget,
// gives exactly what cel-go gives without the guard, errors included
// (wrong types reaching a dyn call, a bad pattern, an index out of range).
func TestGuardKeepsSemantics(t *testing.T) {
	rt := testRuntime(t)
	for _, src := range []string{
		"'abc'.replace('b', 'xx')", "'abc'.replace('', '-')", "'aaa'.replace('a', 'b', 2)", "'aaa'.replace('a', 'b', -1)",
		"claims.s.replace(',', ';')", "claims.n.replace('a', 'b')",
		"['a', 'b'].join('-')", "['a', 'b'].join()", "claims.l.join(claims.s)", "claims.s.join()",
		"claims.s.split(',')", "'abc'.split('')", "claims.s.split(',', 2)", "claims.s.split(',', 0)", "claims.s.split(',', -1)",
		"claims.s.indexOf(',')", "claims.s.lastIndexOf(',')", "claims.s.indexOf(',', 2)", "claims.s.indexOf('')", "claims.s.indexOf('x', 99)",
		"'%s-%d'.format([claims.s, claims.n])", "'%s'.format([claims.nested])",
		"sets.contains(claims.l, ['a'])", "sets.intersects(claims.nested, [['b']])", "sets.equivalent(claims.l, ['b', 'a', 'a'])",
		"'a' in claims.l", "'a' in claims.m", "['a'] in claims.nested", "claims.n in claims.l", "'z' in ['a', 'b']",
		"claims.l == ['a', 'b']", "claims.nested == claims.nested", "claims.m != {'a': 'c'}", "dyn([1]) == dyn([1.0])", "dyn([1]) == dyn([1u])", "claims.l == claims.m",
		"claims.s.matches('^a')", "claims.s.matches(claims.p)", "claims.s.matches(claims.bad)", "matches(claims.s, 'c$')", "claims.n.matches('a')",
	} {
		got, gotErr := eval(compile(t, rt, src), guardVars)
		want, wantErr := eval(plain(t, rt, src), guardVars)
		if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
			t.Errorf("%s: error %v, want %v", src, gotErr, wantErr)
			continue
		}
		if gotErr == nil && !reflect.DeepEqual(got.Value(), want.Value()) {
			t.Errorf("%s = %v, want %v", src, got, want)
		}
	}
}

// TestGuardStopsBeforeTheCall: each guarded function, given arguments
// that would make it cost more than the limit, is stopped before it runs
// (so before it allocates or scans), with an error saying which call and
// why; cel-go's limit alone charges the call only after it returns.
func TestGuardStopsBeforeTheCall(t *testing.T) {
	rt := testRuntime(t)
	wide := strings.Repeat("x", 100_000)
	many, xs := make([]any, 100_000), make([]any, 50_000)
	for i := range many {
		many[i] = ""
	}
	for i := range xs {
		xs[i] = "x"
	}
	vars := map[string]any{"claims": map[string]any{
		"a": strings.Repeat("a", 1000), "wide": wide, "many": many, "hay": strings.Repeat("a", 100_000),
		"needle": strings.Repeat("a", 50_000) + "b", "pairs": []any{"ab", "ab"}, "xs": xs, "pat": strings.Repeat("a", 20_000),
	}}
	for _, c := range []struct{ src, what string }{
		{"claims.a.replace('a', claims.a).size() > 0", "replace would build a string of 1000000"},
		{"claims.a.replace('', claims.a).size() > 0", "replace would build a string of 1002000"},
		{"claims.many.join(claims.wide).size() > 0", "join would build"},
		{"claims.wide.split('').size() > 0 && claims.hay.split('').size() > 0 && claims.wide.split('').size() > 0 && claims.hay.split('').size() > 0 && claims.wide.split('').size() > 0 && claims.hay.split('').size() > 0 && claims.wide.split('').size() > 0 && claims.hay.split('').size() > 0 && claims.wide.split('').size() > 0 && claims.hay.split('').size() > 0", "split would build 100000 strings"},
		{"claims.hay.indexOf(claims.needle) >= 0", "a search for 50001 characters in 100000"},
		{"claims.hay.lastIndexOf(claims.needle) >= 0", "a search for 50001 characters"},
		{"'%s'.format([claims.pairs.map(p, claims.wide).map(x, [x, x, x, x, x, x, x, x, x, x])]).size() > 0", "format would write out"},
		{"sets.intersects(claims.many, claims.xs)", "the set comparison would compare"},
		{"'a'.matches(claims.hay)", "compiling a pattern of 100000 bytes and matching 1 characters"},
		{"[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].exists(i, 'a'.matches(claims.pat))", "actual cost limit exceeded"}, // compiled, and charged, ten times
		{"[claims.pairs].exists(d0, [d0 + d0].exists(d1, [d1 + d1].exists(d2, [d2 + d2].exists(d3, [d3 + d3].exists(d4, [d4 + d4].exists(d5, [d5 + d5].exists(d6, [d6 + d6].exists(d7, [d7 + d7].exists(d8, [d8 + d8].exists(d9, [d9 + d9].exists(d10, [d10 + d10].exists(d11, [d11 + d11].exists(d12, [d12 + d12].exists(d13, [d13 + d13].exists(d14, [d14 + d14].exists(d15, [d15 + d15].exists(d16, [d16 + d16].exists(d17, [d17 + d17].exists(d18, [d18 + d18].exists(d19, [d19 + d19].exists(d20, 'zz' in d20)))))))))))))))))))))", "in would compare the value with 2097152 elements"},
		{"[claims.pairs].exists(d0, [d0 + d0].exists(d1, [d1 + d1].exists(d2, [d2 + d2].exists(d3, [d3 + d3].exists(d4, [d4 + d4].exists(d5, [d5 + d5].exists(d6, [d6 + d6].exists(d7, [d7 + d7].exists(d8, [d8 + d8].exists(d9, [d9 + d9].exists(d10, [d10 + d10].exists(d11, [d11 + d11].exists(d12, [d12 + d12].exists(d13, [d13 + d13].exists(d14, [d14 + d14].exists(d15, [d15 + d15].exists(d16, [d16 + d16].exists(d17, [d17 + d17].exists(d18, [d18 + d18].exists(d19, [d19 + d19].exists(d20, [d20] == [d20])))))))))))))))))))))", "the comparison would compare"},
	} {
		prg := compile(t, rt, c.src)
		var err error
		cpu, alloc := celbomb.Measure(func() { _, err = eval(prg, vars) })
		if !errors.Is(err, ErrCostLimit) || !strings.Contains(err.Error(), c.what) {
			t.Errorf("%.60s…: %v, want a cost limit error saying %q", c.src, err, c.what)
		}
		if cpu > time.Second || alloc > 100<<20 {
			t.Errorf("%.60s…: took %v of CPU and allocated %d MB", c.src, cpu, alloc>>20)
		}
	}
}
