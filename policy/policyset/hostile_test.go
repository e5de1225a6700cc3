package policyset

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims/celbomb"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// panicky is a policy whose evaluation panics, as a bug in a provider
// would.
type panicky struct{ fakePolicy }

func (panicky) Evaluate(policy.Token) policy.Result { panic("index out of range [3] with length 3") }

// TestEvaluateRecoversPanics: a policy whose evaluation panics becomes
// that policy's error result, in the sequential and the parallel paths;
// the others are evaluated as if it were not there.
func TestEvaluateRecoversPanics(t *testing.T) {
	tok := policy.NewToken(decodeObj(t))
	for _, n := range []int{3, 2 * parallelFrom} {
		s := &Set{}
		for i := range n {
			var p policy.Policy = fakePolicy{"p", "doc" + strconv.Itoa(i), "allow"}
			if i%3 == 1 {
				p = panicky{fakePolicy{"p", "doc" + strconv.Itoa(i), "allow"}}
			}
			s.policies = append(s.policies, p)
		}
		got := s.Evaluate(tok)
		if len(got) != n {
			t.Fatalf("%d policies: %d results", n, len(got))
		}
		for i, r := range got {
			want := policy.Allow
			if i%3 == 1 {
				want = policy.Error
			}
			if r.Verdict != want || r.Source != "doc"+strconv.Itoa(i) {
				t.Fatalf("%d policies: result %d is %s from %s, want %s", n, i, r.Verdict, r.Source, want)
			}
			if want == policy.Error && !strings.Contains(r.Error, "index out of range") {
				t.Errorf("the error does not say what failed: %q", r.Error)
			}
		}
	}
}

// TestHostilePoliciesDoNotStopOthers (issue 13): a Google Cloud provider
// and Kubernetes configurations built to exhaust CEL, loaded with
// ordinary policies, are each an error naming its expression; the
// ordinary ones still allow and deny as they should, and the whole set
// takes well under a second of CPU and 100 MB more.
func TestHostilePoliciesDoNotStopOthers(t *testing.T) {
	gcpBomb, err := json.Marshal(map[string]any{
		"name":               "projects/1/locations/global/workloadIdentityPools/p/providers/bomb",
		"state":              "ACTIVE",
		"oidc":               map[string]any{"issuerUri": "https://token.actions.githubusercontent.com"},
		"attributeMapping":   map[string]string{"google.subject": "assertion.sub"},
		"attributeCondition": "assertion.many.join(assertion.wide).size() > 0",
	})
	if err != nil {
		t.Fatal(err)
	}
	k8sBomb := func(expr string) []byte {
		return []byte("apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n- issuer:\n    url: https://token.actions.githubusercontent.com\n    audiences: [sts.amazonaws.com]\n  claimValidationRules:\n  - expression: " +
			strconv.Quote(expr) + "\n  claimMappings:\n    username:\n      expression: claims.sub\n")
	}
	fixture := func(path string) []byte {
		b, err := os.ReadFile(filepath.Join("../../fixtures/policies", path))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	s := &Set{}
	s.Add(All(), "gcp-bomb.json", gcpBomb)
	s.Add(All(), "k8s-literal-bomb.yaml", k8sBomb(celbomb.Replaces(4)))
	s.Add(All(), "k8s-claims-bomb.yaml", k8sBomb("claims.hay.indexOf(claims.needle) >= 0"))
	s.Add(All(), "aws.json", fixture("aws/get-role-deploy-main.json"))
	s.Add(All(), "gcp.json", fixture("gcp/octo-repo-main.json"))
	s.Add(All(), "k8s-prod.json", fixture("k8s/octo-repo-prod.json"))
	if s.Failed() {
		t.Fatalf("loading: %+v", s.Failures())
	}
	want := map[string]policy.Verdict{
		"gcp-bomb.json": policy.Error, "k8s-literal-bomb.yaml": policy.Error, "k8s-claims-bomb.yaml": policy.Error,
		"aws.json": policy.Allow, "gcp.json": policy.Allow, "k8s-prod.json": policy.Deny,
	}
	tok := policytest.ClaimsWith(t, "push-main", celbomb.Claims())

	var results []policy.Result
	cpu, alloc := celbomb.Measure(func() { results = s.Evaluate(tok) })
	celbomb.CheckBounds(t, cpu, alloc)
	if len(results) != len(want) {
		t.Fatalf("%d results, want %d", len(results), len(want))
	}
	for _, r := range results {
		if r.Verdict != want[r.Source] {
			t.Errorf("%s: %s, want %s: %s", r.Source, r.Verdict, want[r.Source], short(r.Summary))
		}
		if r.Verdict == policy.Error && !strings.Contains(r.Error, "expression") && !strings.Contains(r.Error, "attributeCondition") {
			t.Errorf("%s: the error does not name the expression: %s", r.Source, short(r.Error))
		}
	}
}

func short(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
