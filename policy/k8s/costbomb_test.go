package k8s

import (
	"strconv"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb/bound"
)

// bombDoc puts expr in a claim validation rule of a configuration that
// otherwise allows push-main.
func bombDoc(expr string) string {
	return doc(`  issuer:
    url: ` + ghIssuer + `
    audiences: [sts.amazonaws.com]
  claimValidationRules:
  - expression: ` + strconv.Quote(expr) + `
    message: bomb
  claimMappings:
    username:
      expression: "claims.sub"
`)
}

// bombPolicies parses the configuration bombDoc makes around expr: none
// when expr is not a string YAML can quote (nothing to evaluate).
func bombPolicies(_ *testing.T, expr string) []policy.Policy {
	pols, _ := New().Parse("fuzz.yaml", []byte(bombDoc(expr)))
	return pols
}

// TestCostBombs: every bomb shape ends as this policy's denial (cel-go's
// cost tracker stopped it, as kube-apiserver's does) or error (oidcscope's
// own bounds stopped it), naming the expression, within the time and
// memory bounds; a literal bomb too is stopped as it runs
// (kube-apiserver estimates nothing first). The control, an ordinary rule over
// the same hostile claims, still allows, and one decided cheaply keeps
// its verdict when explaining a term of it runs into the limit.
func TestCostBombs(t *testing.T) {
	tok := bound.Token(t)
	// dyn(claims): Kubernetes declares claims map(string, any), and a
	// claim of type any is no comprehension range.
	cases := append([]celbomb.Bomb{{Name: "control", Expr: "claims.a.size() == 100 && dyn(claims.pairs).exists(p, p == 'ab')"}},
		celbomb.Shapes(dynClaims, true)...)
	for _, b := range cases {
		t.Run(b.Name, func(t *testing.T) {
			p := parseOne(t, bombDoc(b.Expr))
			var r policy.Result
			cpu, alloc := celbomb.Measure(func() { r = p.Evaluate(tok) })
			t.Logf("%s in %v of CPU, %d MB allocated: %.200s", r.Verdict, cpu, alloc>>20, r.Summary)
			celbomb.CheckBounds(t, cpu, alloc)
			if b.Name == "control" {
				if r.Verdict != policy.Allow {
					t.Fatalf("the control rule: %s, want allow: %s", r.Verdict, r.Error)
				}
				return
			}
			// kube-apiserver makes no estimate before evaluating, so a
			// literal bomb, too, is stopped as it runs. Stopped by cel-go's
			// cost tracker, as kube-apiserver's would stop it, the token is
			// denied; stopped by oidcscope's own bounds (the guard before a
			// costly call, the deadline), the verdict is an error.
			switch r.Verdict {
			case policy.Deny:
				if !strings.Contains(r.Summary, "claimValidationRules[0].expression: actual cost limit exceeded") {
					t.Errorf("the denial does not name the expression and the limit: %s", r.Summary)
				}
			case policy.Error:
				if !strings.Contains(r.Error, "claimValidationRules[0].expression") {
					t.Errorf("the error does not name the expression: %s", r.Error)
				}
				if want := "cost limit"; !strings.Contains(r.Error, want) {
					t.Errorf("the error does not say %q: %s", want, r.Error)
				}
			default:
				t.Fatalf("verdict %s, want deny or error: %s", r.Verdict, r.Summary)
			}
		})
	}
	// A rule decided cheaply (its first term is false) is denied, even
	// though explaining its other term, alone, runs into the cost limit:
	// that term is reported as not explained.
	t.Run("costly term keeps the verdict", func(t *testing.T) {
		r := parseOne(t, bombDoc("claims.a == 'nope' && claims.hay.indexOf(claims.needle) >= 0")).Evaluate(tok)
		c := cond(t, r, "indexOf")
		if r.Verdict != policy.Deny || c.Result != policy.Fail || !hasLine(c.Diagnosis, "claims.hay.indexOf(claims.needle) >= 0", "is not explained", "cost limit") {
			t.Errorf("verdict %s, condition %s %q", r.Verdict, c.Result, c.Diagnosis)
		}
	})
}

// dynClaims is the claims variable as the bombs' root: typed dyn, so its
// members can be comprehension ranges.
const dynClaims = "dyn(" + varClaims + ")"

// FuzzCostBound: whatever a claim validation expression is, over claims
// built to feed cost bombs, evaluating it never panics, ends within the
// policy's time bound (with slack for a loaded machine) and a bound on
// allocation, and costs at most the limit unless it ends with the cost
// limit's error; the configuration holding it evaluates to a verdict
// within the same bounds. Seeds: every bomb shape and ordinary rules.
func FuzzCostBound(f *testing.F) {
	envs, err := sharedEnvs()
	if err != nil {
		f.Fatal(err)
	}
	vars := func(tok policy.Token) map[string]any { return map[string]any{varClaims: newClaimsValue(tok)} }
	bound.Fuzz(f, envs.claims, vars, "configuration", bombPolicies, celbomb.Shapes(dynClaims, true),
		"claims.repository_owner_id == '65' && claims.ref.startsWith('refs/heads/')",
		"dyn(claims.pairs).all(p, p.matches('^[a-z]+$')) && 'ab' in claims.pairs",
		"claims.wide.split('x').size() > 3",
		"sets.contains(claims.pairs, ['ab'])",
		"claims.a.replace('a', 'bb').lowerAscii().indexOf('b') == 0",
	)
}
