package k8s

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestFixtureTable: every row of the table of
// fixtures/policies/k8s/README.md holds, and every fixture file has a row,
// so the README and the tests cannot drift apart.
func TestFixtureTable(t *testing.T) {
	policytest.CheckVerdictTable(t, fixtureDir, policytest.VerdictRows(readFixture(t, "README.md")), 7, func(spec string) policy.Policy {
		return parseOne(t, string(readFixture(t, spec)))
	})
}

// TestFixtureReasons checks the "why" column's specific claims.
func TestFixtureReasons(t *testing.T) {
	main := parseOne(t, string(readFixture(t, "octo-repo-main.yaml")))
	r := main.Evaluate(fixtureToken(t, "other-repo"))
	c := cond(t, r, "claims.repository_id == '74'")
	if c.Result != policy.Fail || !hasLine(c.Diagnosis, "term `claims.repository_id == '74'` is false") || !hasLine(c.Diagnosis, `claims.repository_id is "4242"`) {
		t.Errorf("octo-repo-main vs other-repo: %s %q", c.Result, c.Diagnosis)
	}
	if hasLine(c.Diagnosis, "repository_owner_id == '65'` is false") {
		t.Errorf("the owner term is true for other-repo and must not be reported false: %q", c.Diagnosis)
	}
	if !strings.Contains(r.Summary, "only octo-org/octo-repo on refs/heads/main") {
		t.Errorf("summary should carry the rule's message: %q", r.Summary)
	}
	allowed := main.Evaluate(fixtureToken(t, "push-main"))
	if u := cond(t, allowed, "'github:' + claims.repository_id"); u.Actual != "github:74:repo:octo-org/octo-repo:ref:refs/heads/main" {
		t.Errorf("username %q", u.Actual)
	}
	if x := cond(t, allowed, "claims.run_id"); x.Actual != "[20613598812]" {
		t.Errorf("extra %q", x.Actual)
	}

	prod := parseOne(t, string(readFixture(t, "octo-repo-prod.json")))
	r = prod.Evaluate(fixtureToken(t, "push-main"))
	if c := cond(t, r, "claim: environment"); c.Result != policy.Fail || !c.Absent || !hasLine(c.Diagnosis, "add `environment: <name>` to the job") {
		t.Errorf("octo-repo-prod vs push-main environment: %+v", c)
	}

	anyRepo := parseOne(t, string(readFixture(t, "any-repository.yaml")))
	if r := anyRepo.Evaluate(fixtureToken(t, "other-repo")); !strings.Contains(rules(t, r), RuleNoClaimValidation) {
		t.Errorf("any-repository lint %q lacks %s", rules(t, r), RuleNoClaimValidation)
	}
}

// TestReferenceExample: reference §8's example against push-main and
// other-repo. The static tokens carry the AWS audience, so both are denied
// on aud; requested for the example's audience, push-main is allowed and
// so is other-repo (same owner, main): the example pins the owner and the
// branch, not the repository.
func TestReferenceExample(t *testing.T) {
	p := parseOne(t, string(readFixture(t, "reference-example.yaml")))
	for _, name := range []string{"push-main", "other-repo"} {
		r := p.Evaluate(fixtureToken(t, name))
		if r.Verdict != policy.Deny || cond(t, r, "issuer.audiences").Result != policy.Fail {
			t.Errorf("%s as issued (aud sts.amazonaws.com): %s %s, want deny on aud", name, r.Verdict, r.Summary)
		}
		if c := cond(t, r, "claims.repository_owner_id == '65'"); c.Result != policy.Pass {
			t.Errorf("%s: the CEL rule itself holds (owner 65, main): %s", name, c.Result)
		}
	}
	push := k8sPushMain(t, nil)
	r := p.Evaluate(push)
	if r.Verdict != policy.Allow {
		t.Fatalf("push-main with aud https://k8s.example.com: %s %s", r.Verdict, r.Summary)
	}
	if u := cond(t, r, "'github:' + claims.sub"); u.Actual != "github:repo:octo-org/octo-repo:ref:refs/heads/main" {
		t.Errorf("username %q", u.Actual)
	}
	if g := cond(t, r, "github-repo:"); g.Actual != "[github-repo:74]" {
		t.Errorf("groups %q", g.Actual)
	}
	other := fixtureToken(t, "other-repo")
	otherK8s := pushMainWith(t, map[string]string{"aud": "https://k8s.example.com", "repository_id": "4242", "repository": "octo-org/octo-docs", "sub": must(other.String("sub"))})
	if r := p.Evaluate(otherK8s); r.Verdict != policy.Allow {
		t.Errorf("other-repo with the example's audience: %s %s; the example pins only owner and ref", r.Verdict, r.Summary)
	}
	dev := k8sPushMain(t, map[string]string{"ref": "refs/heads/dev"})
	r = p.Evaluate(dev)
	c := cond(t, r, "claims.ref == 'refs/heads/main'")
	if r.Verdict != policy.Deny || !hasLine(c.Diagnosis, "message: only octo-org main") || !hasLine(c.Diagnosis, "term `claims.ref == 'refs/heads/main'` is false") {
		t.Errorf("dev branch: %s %q", r.Verdict, c.Diagnosis)
	}
}

func must(s string, ok bool) string {
	if !ok {
		panic("missing fixture claim")
	}
	return s
}
