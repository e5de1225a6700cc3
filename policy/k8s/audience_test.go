package k8s

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestAudiences: every authenticator's issuer.audiences, in file order;
// which authenticator reads a token depends on its iss, known only once the
// token is fetched. push-main requested with the first one is accepted.
func TestAudiences(t *testing.T) {
	fx := policytest.FixturePolicies(t, New(), "k8s", "*.yaml")
	multi := fx["multi-issuer.yaml"]
	if got, want := policy.Audiences(multi), []string{"sts.amazonaws.com", "https://github.com/octo-org"}; !slices.Equal(got, want) {
		t.Errorf("multi-issuer.yaml: Audiences() = %q, want %q", got, want)
	}
	if r := multi.Evaluate(pushMainWith(t, map[string]string{"aud": "sts.amazonaws.com"})); r.Verdict != policy.Allow {
		t.Errorf("push-main for the first audience: %s (%s)", r.Verdict, r.Summary)
	}
	if got := policy.Audiences(fx["reference-example.yaml"]); !slices.Equal(got, []string{"https://k8s.example.com"}) {
		t.Errorf("reference-example.yaml: Audiences() = %q", got)
	}
}
