package gcp

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb/bound"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// bombDoc is a provider that allows push-main, with condition as its
// attribute condition and mapping (when not empty) as attribute.bomb.
func bombDoc(t testing.TB, condition, mapping string) string {
	mappings := map[string]string{"google.subject": "assertion.sub"}
	if mapping != "" {
		mappings["attribute.bomb"] = mapping
	}
	doc := map[string]any{
		"name":             "projects/1/locations/global/workloadIdentityPools/p/providers/bomb",
		"state":            "ACTIVE",
		"oidc":             map[string]any{"issuerUri": ghIssuer, "allowedAudiences": []string{"sts.amazonaws.com"}},
		"attributeMapping": mappings,
	}
	if condition != "" {
		doc["attributeCondition"] = condition
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// bombPolicies parses the provider bombDoc makes with condition as its
// attribute condition; any condition parses.
func bombPolicies(t *testing.T, condition string) []policy.Policy {
	pols, err := New().Parse("fuzz.json", []byte(bombDoc(t, condition, "")))
	if err != nil {
		t.Fatalf("a provider with any condition parses: %v", err)
	}
	return pols
}

// TestCostBombs: every bomb shape, as the attribute condition and as a
// mapping, ends as this provider's error, naming the expression, within
// the time and memory bounds; a literal bomb is refused when the document
// is read. The control, an ordinary condition over the same hostile
// claims, still allows, and one decided cheaply keeps its verdict when
// explaining a term of it runs into the limit.
func TestCostBombs(t *testing.T) {
	tok := bound.Token(t)
	type tc struct {
		bomb      celbomb.Bomb
		condition bool // the bomb is the attribute condition, else a mapping
	}
	cases := []tc{{celbomb.Bomb{Name: "control", Expr: "assertion.a.size() == 100 && assertion.pairs.exists(p, p == 'ab')"}, true}}
	for _, b := range celbomb.Shapes(varAssertion, false) {
		cases = append(cases, tc{b, true})
	}
	// The mappings' own path: one static and one runtime bomb.
	cases = append(cases, tc{celbomb.Bomb{Name: "mapping replace x4 (literal)", Expr: "string(" + celbomb.Replaces(4) + ")", Static: true}, false})
	cases = append(cases, tc{celbomb.Bomb{Name: "mapping join (claims)", Expr: "assertion.many.join(assertion.wide)"}, false})
	for _, c := range cases {
		t.Run(c.bomb.Name, func(t *testing.T) {
			field, d := "attributeCondition", bombDoc(t, c.bomb.Expr, "")
			if !c.condition {
				field, d = `attributeMapping["attribute.bomb"]`, bombDoc(t, "", c.bomb.Expr)
			}
			p := parseOne(t, d)
			var r policy.Result
			cpu, alloc := celbomb.Measure(func() { r = p.Evaluate(tok) })
			t.Logf("%s in %v of CPU, %d MB allocated: %.200s", r.Verdict, cpu, alloc>>20, r.Summary)
			celbomb.CheckBounds(t, cpu, alloc)
			if c.bomb.Name == "control" {
				if r.Verdict != policy.Allow {
					t.Fatalf("the control condition: %s, want allow: %s %s", r.Verdict, r.Summary, r.Error)
				}
				return
			}
			if r.Verdict != policy.Error {
				t.Fatalf("verdict %s, want error: %s", r.Verdict, r.Summary)
			}
			if !strings.Contains(r.Error, field) {
				t.Errorf("the error does not name %s: %s", field, r.Error)
			}
			want := "cost limit"
			if c.bomb.Static {
				want = "estimated"
			}
			if !strings.Contains(r.Error, want) {
				t.Errorf("the error does not say %q: %s", want, r.Error)
			}
		})
	}
	// A condition decided cheaply (its first term is false) is denied, even
	// though explaining its other term, alone, runs into the cost limit:
	// that term is reported as not explained.
	t.Run("costly term keeps the verdict", func(t *testing.T) {
		r := parseOne(t, bombDoc(t, "assertion.a == 'nope' && assertion.hay.indexOf(assertion.needle) >= 0", "")).Evaluate(tok)
		c := policytest.ConditionWith(t, r, "attributeCondition")
		if r.Verdict != policy.Deny || c.Result != policy.Fail || !hasLine(c.Diagnosis, "assertion.hay.indexOf(assertion.needle) >= 0", "is not explained", "cost limit") {
			t.Errorf("verdict %s, condition %s %q", r.Verdict, c.Result, c.Diagnosis)
		}
	})
}

// FuzzCostBound: whatever an attribute condition is, over claims built
// to feed cost bombs, evaluating it never panics, ends within the
// policy's time bound (with slack for a loaded machine) and a bound on
// allocation, and costs at most the limit unless it ends with the cost
// limit's error; the provider holding it evaluates to a verdict within
// the same bounds. Seeds: every bomb shape and ordinary conditions.
func FuzzCostBound(f *testing.F) {
	rt, err := sharedEnv()
	if err != nil {
		f.Fatal(err)
	}
	vars := func(tok policy.Token) map[string]any {
		return map[string]any{varAssertion: googleClaims.Map(tok), varGoogle: map[string]any{"subject": "s"}, varAttribute: map[string]any{}}
	}
	bound.Fuzz(f, rt, vars, "provider", bombPolicies, celbomb.Shapes(varAssertion, false),
		"assertion.repository_owner_id == '65' && assertion.ref.startsWith('refs/heads/')",
		"assertion.pairs.all(p, p.matches('^[a-z]+$')) && 'ab' in assertion.pairs",
		"google.subject.split(':').size() > 1 && attribute.x == 'y'",
		"assertion.a.replace('a', 'bb').reverse().indexOf('b') == 0",
	)
}
