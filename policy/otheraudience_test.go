package policy_test

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestForAnotherProvider: an aud that is another provider's default
// audience (Google Cloud's with its placeholders filled) marks a token
// requested for that provider; the provider's own audience, a made-up
// one, a partial Google Cloud resource or a mix does not.
func TestForAnotherProvider(t *testing.T) {
	const gcpAud = "https://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/providers/p"
	for _, tc := range []struct {
		self string
		auds []string
		want bool
	}{
		{policy.OctoSTS, []string{"sts.amazonaws.com"}, true},
		{policy.OctoSTS, []string{"api://AzureADTokenExchange", "pypi"}, true},
		{policy.OctoSTS, []string{gcpAud}, true},
		{policy.Vault, []string{"https://pub.dev"}, true},
		{policy.AWS, []string{"sts.amazonaws.com"}, false},
		{policy.OctoSTS, []string{"octo-sts.dev"}, false},
		{policy.OctoSTS, []string{"sts.amazonaws.com", "octo-sts.dev"}, false},
		{policy.OctoSTS, nil, false},
		{policy.OctoSTS, []string{""}, false},
		{policy.OctoSTS, []string{"https://iam.googleapis.com/projects//locations/global/workloadIdentityPools/github/providers/p"}, false},
		{policy.OctoSTS, []string{gcpAud + "/x"}, false},
		{policy.OctoSTS, []string{"https://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/github/providers/"}, false},
		{policy.OctoSTS, []string{"sts.amazonaws.com/"}, false},
	} {
		if got := policy.ForAnotherProvider(tc.self, tc.auds); got != tc.want {
			t.Errorf("ForAnotherProvider(%s, %q) = %v, want %v", tc.self, tc.auds, got, tc.want)
		}
	}
	if p, ok := policy.AudienceOf(policy.OctoSTS, "sts.amazonaws.com"); !ok || p.ID != policy.AWS {
		t.Errorf("AudienceOf(sts.amazonaws.com) = %v, %v, want AWS", p, ok)
	}
}
