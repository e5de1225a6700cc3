package celclaims

import (
	"strings"
	"testing"

	"cel.dev/cel-go/cel"

	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
)

// TestDialectCompile: each way an expression can fail to compile carries
// the provider's words and says whose limit it is; the rest is planned.
func TestDialectCompile(t *testing.T) {
	rt := testRuntime(t)
	d := Dialect{CompileFailed: "X: ", PlanFailed: "Y: ", ProviderOnly: []string{"url"}, NotImplemented: " is X's own"}
	wantBool := func(a *cel.Ast) string {
		if !a.OutputType().IsExactType(cel.BoolType) {
			return "typed " + a.OutputType().String()
		}
		return ""
	}
	for _, c := range []struct {
		src, field string
		err        []string // substrings of Err, in order; none when compiled
		local      bool
	}{
		{src: "claims.a == 'x'", field: "rule"},
		{src: "claims.a ==", field: "rule[1]", err: []string{"X: ", "rule[1]:1:"}},
		{src: "url(claims.a) == 'x'", field: "rule", err: []string{"X: ", "undeclared reference to 'url'", "\nurl is X's own"}, local: true},
		{src: "claims.a", field: "rule", err: []string{"typed dyn"}},
		{src: celbomb.Replaces(3), field: "rule", err: []string{"estimated CEL cost over the limit"}, local: true},
	} {
		got := d.Compile(rt, c.src, c.field, wantBool)
		if len(c.err) == 0 {
			if got.Err != "" || got.Local || got.Prg == nil || got.Ast == nil {
				t.Errorf("%.40s: %+v, want it compiled", c.src, got)
			}
			continue
		}
		rest := got.Err
		for _, want := range c.err {
			_, after, ok := strings.Cut(rest, want)
			if !ok {
				t.Errorf("%.40s: error %q lacks %q (in order)", c.src, got.Err, want)
				break
			}
			rest = after
		}
		if got.Local != c.local || got.Prg != nil {
			t.Errorf("%.40s: local %v program %v, want local %v and no program", c.src, got.Local, got.Prg != nil, c.local)
		}
	}
}

// TestCompileTerm: a term compiles on its own, or says it does not.
func TestCompileTerm(t *testing.T) {
	rt := testRuntime(t)
	if a, prg, ok := rt.CompileTerm("claims.a == 'x'"); !ok || a == nil || prg == nil {
		t.Errorf("a term that compiles: %v %v %v", a, prg, ok)
	}
	if _, _, ok := rt.CompileTerm("google.subject == 'x'"); ok {
		t.Error("a term over an undeclared variable compiled")
	}
}
