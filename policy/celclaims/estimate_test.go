package celclaims

import (
	"errors"
	"math"
	"strings"
	"testing"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/ext"

	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
)

// TestCheck: an expression whose literals alone cost more than the limit
// is refused before it runs; every ordinary expression, whatever the
// sizes of the claims it reads, and those whose cost the estimate cannot
// bound, are left to the runtime bounds.
func TestCheck(t *testing.T) {
	rt := testRuntime(t)
	refused := []string{
		celbomb.Replaces(3), celbomb.Replaces(4),
		"[0,1,2,3,4,5,6,7,8,9].map(a, [0,1,2,3,4,5,6,7,8,9].map(b, [0,1,2,3,4,5,6,7,8,9].map(c, [0,1,2,3,4,5,6,7,8,9].map(d, [0,1,2,3,4,5,6,7,8,9].map(e, [0,1,2,3,4,5,6,7,8,9].map(f, 'x')))))).size() > 0",
		"'" + strings.Repeat("ab", 1000) + "'.split('').map(x, '" + strings.Repeat("ab", 1000) + "'.split('')).size() > 0",
	}
	kept := []string{
		"claims.repository_owner_id == '65' && claims.repository_id == '74' && claims.ref == 'refs/heads/main'",
		"claims.groups.exists(g, g.startsWith('team-') && g.contains('admin'))",
		"claims.sub.replace(':', '/').split('/').size() > 2",
		"claims.a.b.c.d.e.f.g.h.i.j.k.l.m.contains('x')", // too deep to size: unbounded, not refused
		"claims.m.exists(k, claims.m[k].exists(v, v.matches('^[a-z]+$')))",
		"'abc'.replace('b', 'xyz') == 'axyzc'",
		"claims.sub.replace('a', '" + strings.Repeat("x", 1000) + "').size() > 0", // depends on the claim only
	}
	for _, src := range refused {
		a, iss := rt.Env().Compile(src)
		if iss.Err() != nil {
			t.Fatal(iss.Err())
		}
		if err := rt.Check(a); !errors.Is(err, ErrEstimate) || !strings.Contains(err.Error(), "estimated") {
			t.Errorf("%.50s…: %v, want it refused", src, err)
		}
	}
	for _, src := range kept {
		a, iss := rt.Env().Compile(src)
		if iss.Err() != nil {
			t.Fatal(iss.Err())
		}
		if err := rt.Check(a); err != nil {
			t.Errorf("%.60s: refused: %v", src, err)
		}
	}
}

// TestStringsCostModels: with the models, the estimate of an expression
// over literals holds what evaluating it costs (as cel-go checks its own
// models), and sizes what replace, split and join build; without them
// these calls cost one unit whatever they build.
func TestStringsCostModels(t *testing.T) {
	rt := testRuntime(t)
	for _, src := range []string{
		"'abcabc'.replace('b', 'xyz').size() > 0",
		"'abcabc'.replace('', 'xy', 3).contains('q')",
		"'a,b,c'.split(',').exists(x, x == 'q')",
		"['ab', 'cd'].join('--').contains('q')",
		"['ab', 'cd'].join().startsWith('q')",
		"'Hello'.lowerAscii().upperAscii().trim().contains('q')",
		"'hello'.substring(1, 3).contains('q') || 'hello'.substring(2).contains('q')",
		"'hello'.charAt(1) == 'e' && 'hello'.indexOf('l') == 2 && 'hello'.lastIndexOf('l', 4) == 3",
	} {
		a, iss := rt.Env().Compile(src)
		if iss.Err() != nil {
			t.Fatal(iss.Err())
		}
		est, err := rt.Env().EstimateCost(a, emptyInputs{})
		if err != nil {
			t.Fatal(err)
		}
		prg, err := rt.Program(a)
		if err != nil {
			t.Fatal(err)
		}
		_, det, err := prg.Eval(guardVars)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got := *det.ActualCost(); got < est.Min || got > est.Max {
			t.Errorf("%s: cost %d outside the estimate [%d, %d]", src, got, est.Min, est.Max)
		}
	}
	// Without the models, version 2's replace has no result size: what
	// scans it cannot be bounded, and a literal bomb cannot be told.
	bare, err := cel.NewEnv(ext.Strings(ext.StringsVersion(2)))
	if err != nil {
		t.Fatal(err)
	}
	scan := "'abc'.replace('b', 'xyz').contains('q')"
	for env, bounded := range map[*cel.Env]bool{bare: false, rt.Env(): true} {
		a, iss := env.Compile(scan)
		if iss.Err() != nil {
			t.Fatal(iss.Err())
		}
		if est, err := env.EstimateCost(a, emptyInputs{}); err != nil || (est.Max < math.MaxUint64/2) != bounded {
			t.Errorf("%s (models: %v): estimate %v %v", scan, bounded, est, err)
		}
	}
}
