package gcp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb/bound"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func seedFixtures(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil && filepath.Ext(file) != ".md" {
			f.Add(b)
		}
	}
}

// FuzzParse: Detect and Parse never panic, and neither does Evaluate on
// what Parse returns, for real tokens and hostile ones.
func FuzzParse(f *testing.F) {
	policytest.SeedHostileDocuments(f)
	seedFixtures(f)
	f.Add([]byte(`{"provider": {"name": 5, "oidc": {"issuerUri": null, "allowedAudiences": [1]}, "attributeMapping": {"google.subject": "assertion.a.b[0] + 1", "google.groups": "assertion", "attribute.x": "[1, 'a']"}, "attributeCondition": "google.groups.exists(g, g == attribute.x)"}, "bindings": [{"members": ["principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/subject/"]}, 3]}`))
	f.Add([]byte("attributeMapping:\n  google.subject: assertion.sub\noidc: {issuerUri: x}\noidcscopeMembers: [principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*]\n"))
	toks := fuzzTokens(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		New().Detect(data)
		pols, err := New().Parse("fuzz.json", data)
		if err != nil {
			return
		}
		for _, p := range pols {
			for _, tk := range toks {
				r := p.Evaluate(tk)
				if r.Verdict != policy.Allow && r.Verdict != policy.Deny && r.Verdict != policy.Error {
					t.Fatalf("verdict %q", r.Verdict)
				}
				if r.Verdict == policy.Error && r.Error == "" {
					t.Fatalf("error verdict without an error: %s", r.Summary)
				}
			}
		}
	})
}

func fuzzTokens(f *testing.F) []policy.Token {
	push, err := os.ReadFile("../../fixtures/testdata/static/push-main.jwt")
	if err != nil {
		f.Fatal(err)
	}
	tok, err := decode.Parse(strings.TrimSpace(string(push)))
	if err != nil {
		f.Fatal(err)
	}
	hostile, _ := decode.ParseJSON("payload", []byte(`{"iss":"https://token.actions.githubusercontent.com","iss":"x","aud":[1,{"a":[]}],"sub":null,"repository_id":74,"a":{"b":[2]},"groups":[null]}`))
	return []policy.Token{policy.NewToken(tok.Payload), policy.NewToken(hostile), policy.NewToken(decode.Value{})}
}

// FuzzEvaluateToken: any payload against every fixture provider:
// Evaluate, Suggest and Snippets never panic (Suggest checks its own round
// trip and errors rather than return a document that does not allow the
// token).
func FuzzEvaluateToken(f *testing.F) {
	for _, name := range []string{"push-main", "environment-prod", "custom-sub"} {
		if b, err := os.ReadFile(filepath.Join("../../fixtures/claims", name+".json")); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"iss":"https://token.actions.githubusercontent.com","aud":["x","https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q"],"repository_owner_id":"65","repository_id":"7'4","ref":"\u202e","sub":"x","sub":"y","environment":""}`))
	var pols []policy.Policy
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*"))
	for _, file := range files {
		if filepath.Ext(file) == ".md" {
			continue
		}
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		ps, err := New().Parse(file, b)
		if err != nil {
			f.Fatal(err)
		}
		pols = append(pols, ps...)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, _ := decode.ParseJSON("payload", data)
		tok := policy.NewToken(v)
		for _, p := range pols {
			p.Evaluate(tok)
		}
		New().Snippets(tok)
		// One scope per input keeps an execution cheap (a suggestion
		// compiles and evaluates its own document).
		_, _ = New().Suggest(tok, policy.Scopes[len(data)%len(policy.Scopes)])
	})
}

// FuzzSplitAnd: the term splitter never panics, and its pieces come from
// the input.
func FuzzSplitAnd(f *testing.F) {
	for _, s := range []string{"a && b", "(a && 'x&&y') && r'\\' && \"\"\"q\"\"\"", "// c\n a && (b", "''' && '''"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, p := range splitAnd(src) {
			if !strings.Contains(src, p) {
				t.Fatalf("piece %q is not in %q", p, src)
			}
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
	for _, b := range celbomb.Shapes(varAssertion, false) {
		if !b.Costly {
			f.Add(b.Expr)
		}
	}
	for _, s := range []string{
		"assertion.repository_owner_id == '65' && assertion.ref.startsWith('refs/heads/')",
		"assertion.pairs.all(p, p.matches('^[a-z]+$')) && 'ab' in assertion.pairs",
		"google.subject.split(':').size() > 1 && attribute.x == 'y'",
		"assertion.a.replace('a', 'bb').reverse().indexOf('b') == 0",
	} {
		f.Add(s)
	}
	rt, err := sharedEnv()
	if err != nil {
		f.Fatal(err)
	}
	tok := bombToken(f)
	vars := map[string]any{varAssertion: assertionVar(tok), varGoogle: map[string]any{"subject": "s"}, varAttribute: map[string]any{}}
	f.Fuzz(func(t *testing.T, expr string) {
		a, iss := rt.Env().Compile(expr)
		if iss != nil && iss.Err() != nil {
			return
		}
		if rt.Check(a) == nil && bound.Meter(t, rt, a, vars) {
			return // stopped: TestCostBombs holds providers to the bounds then; fuzz on
		}
		pols, err := New().Parse("fuzz.json", []byte(bombDoc(t, expr, "")))
		if err != nil {
			t.Fatalf("a provider with any condition parses: %v", err)
		}
		var r policy.Result
		cpu, _ := celbomb.Measure(func() { r = pols[0].Evaluate(tok) })
		if r.Verdict != policy.Allow && r.Verdict != policy.Deny && r.Verdict != policy.Error {
			t.Errorf("verdict %q", r.Verdict)
		}
		if cpu > celclaims.PolicyTimeout+bound.Slack {
			t.Errorf("the provider took %v of CPU", cpu)
		}
	})
}
