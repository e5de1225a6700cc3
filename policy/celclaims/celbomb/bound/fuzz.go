package bound

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
)

// Fuzz runs the cost-bound fuzz target the CEL providers share, over
// Token (vars is the provider's activation for it) and seeded (see Seed)
// with shapes and the provider's ordinary expressions: an expression
// that compiles and checks in rt is metered alone; one that oidcscope's
// bounds did not stop is put in a document by parse (nil: nothing to
// evaluate), and the first policy of it must evaluate the token to a
// verdict within the policy's time bound. what names the document in
// messages ("provider", "configuration").
func Fuzz(f *testing.F, rt *celclaims.Runtime, vars func(policy.Token) map[string]any, what string, parse func(t *testing.T, expr string) []policy.Policy, shapes []celbomb.Bomb, ordinary ...string) {
	Seed(f, shapes, ordinary...)
	tok := Token(f)
	act := vars(tok)
	f.Fuzz(func(t *testing.T, expr string) {
		a, iss := rt.Env().Compile(expr)
		if iss != nil && iss.Err() != nil {
			return
		}
		if rt.Check(a) == nil && Meter(t, rt, a, act) {
			return // stopped: TestCostBombs holds documents to the bounds then; fuzz on
		}
		pols := parse(t, expr)
		if len(pols) == 0 {
			return
		}
		var r policy.Result
		cpu, _ := celbomb.Measure(func() { r = pols[0].Evaluate(tok) })
		if r.Verdict != policy.Allow && r.Verdict != policy.Deny && r.Verdict != policy.Error {
			t.Errorf("verdict %q", r.Verdict)
		}
		if cpu > celclaims.PolicyTimeout+Slack {
			t.Errorf("the %s took %v of CPU", what, cpu)
		}
	})
}

// Seed adds the bomb shapes that are cheap to evaluate (the costly ones
// would make every fuzz execution slow) and the provider's ordinary
// expressions to f.
func Seed(f *testing.F, shapes []celbomb.Bomb, ordinary ...string) {
	for _, b := range shapes {
		if !b.Costly {
			f.Add(b.Expr)
		}
	}
	for _, s := range ordinary {
		f.Add(s)
	}
}
