package vault

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// readmeTable reads the Files table of the fixtures README: source (with
// #N for multi-role documents) → allowed and denied fixture tokens.
func readmeTable(t *testing.T) map[string][2][]string {
	t.Helper()
	names := policytest.FixtureNames()
	list := func(cell string) []string {
		if cell == "all nine" {
			return names
		}
		tokens := policytest.TokenList(cell)
		for _, n := range tokens {
			if !slices.Contains(names, n) {
				t.Fatalf("README names an unknown fixture token %q", n)
			}
		}
		return tokens
	}
	out := map[string][2][]string{}
	for _, cells := range policytest.TableRows(policytest.FixtureFile(t, "vault", "README.md")) {
		if len(cells) < 4 {
			t.Fatalf("README row %q has %d cells", cells, len(cells))
		}
		// The file cell is `source`, maybe followed by (`role name`).
		source, _, _ := strings.Cut(strings.TrimPrefix(cells[0], "`"), "`")
		out[source] = [2][]string{list(cells[2]), list(cells[3])}
	}
	return out
}

func TestFixturePolicies(t *testing.T) {
	table := readmeTable(t)
	pols := policytest.FixturePolicies(t, New(), "vault", "*.json")
	names := policytest.FixtureNames()
	tokens := map[string]policy.Token{}
	for _, n := range names {
		tokens[n] = policytest.FixtureToken(t, n)
	}
	seen := map[string]bool{}
	for _, p := range pols {
		row, ok := table[p.Source()]
		if !ok {
			t.Errorf("%s (%s) is not in the README table", p.Source(), p.Name())
			continue
		}
		seen[p.Source()] = true
		if got := len(row[0]) + len(row[1]); got != len(names) {
			t.Errorf("%s: the README row names %d tokens, want all %d", p.Source(), got, len(names))
		}
		for i, want := range []policy.Verdict{policy.Allow, policy.Deny} {
			for _, n := range row[i] {
				res := p.Evaluate(tokens[n])
				if res.Verdict != want {
					t.Errorf("%s with %s: verdict %s, README says %s (%s; failing: %+v)", p.Source(), n, res.Verdict, want, res.Summary, policytest.Failing(res))
				}
			}
		}
	}
	for src := range table {
		if !seen[src] {
			t.Errorf("README row %s matches no fixture policy", src)
		}
	}
}

// The fixture pairs the brief asks for, with the reason checked.
func TestFixtureClassicFailures(t *testing.T) {
	pols := policytest.FixturePolicies(t, New(), "vault", "*.json")
	deploy := pols["deploy.json"]
	if deploy.Name() != "deploy" {
		t.Errorf("deploy.json: name %q, want the file name deploy", deploy.Name())
	}
	other := deploy.Evaluate(policytest.FixtureToken(t, "other-repo"))
	if c := policytest.ConditionWith(t, other, `"repository_id"`); c.Result != policy.Fail || c.Actual != "4242" {
		t.Errorf("other-repo should fail repository_id with 4242: %+v", c)
	}
	prod := pols["github-actions.json#1"]
	if prod.Name() != "deploy-prod" || prod.Source() != "github-actions.json#1" {
		t.Errorf("first role of github-actions.json: %s %s", prod.Source(), prod.Name())
	}
	push := prod.Evaluate(policytest.FixtureToken(t, "push-main"))
	if c := policytest.ConditionWith(t, push, `"environment"`); c.Result != policy.Fail || !c.Absent || !policytest.HasDiagnosis(c, "add `environment: <name>`") {
		t.Errorf("push-main against deploy-prod: environment should be absent with the job hint: %+v", c)
	}
	if !strings.Contains(push.Summary, "audience") {
		t.Errorf("push-main against deploy-prod: summary should lead with Vault's first error (audience): %s", push.Summary)
	}
	legacy := pols["legacy-subject.json"]
	env := legacy.Evaluate(policytest.FixtureToken(t, "environment-prod"))
	if c := policytest.ConditionWith(t, env, "bound_subject"); !policytest.HasDiagnosis(c, "environment form but the policy expects ref form") {
		t.Errorf("environment-prod against a ref-form bound_subject: %+v", c)
	}
	imm := legacy.Evaluate(policytest.FixtureToken(t, "immutable-sub"))
	if c := policytest.ConditionWith(t, imm, "bound_subject"); !policytest.HasDiagnosis(c, "immutable form") {
		t.Errorf("immutable-sub against a legacy bound_subject: %+v", c)
	}
	release := pols["github-actions.json#2"]
	ent := release.Evaluate(policytest.FixtureToken(t, "enterprise"))
	if c := policytest.ConditionWith(t, ent, "bound_issuer"); c.Result != policy.Fail || !policytest.HasDiagnosis(c, "enterprise-specific issuer") {
		t.Errorf("enterprise against bound_issuer: %+v", c)
	}
}
