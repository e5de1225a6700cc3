package policy_test

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
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

// TestNotMeantFor: besides another provider's default audience, GitHub's
// default (the token's owner's URL, on GHES the server's) marks a token
// requested for no provider in particular, except for Vault, whose docs
// bind it; another owner's URL, a made-up audience or a mix with self's
// own does not.
func TestNotMeantFor(t *testing.T) {
	tok := func(iss, owner string) policy.Token {
		return policytest.Payload(t, `{"iss":"`+iss+`","repository_owner":"`+owner+`","aud":"x"}`)
	}
	const dotcom = "https://token.actions.githubusercontent.com"
	ghes := tok("https://ghe.example.com/_services/token", "octo-org")
	octo := tok(dotcom, "octo-org")
	for _, tc := range []struct {
		self string
		tok  policy.Token
		auds []string
		want bool
	}{
		{policy.Vault, octo, []string{"sts.amazonaws.com"}, true},
		{policy.K8s, octo, []string{"https://github.com/octo-org"}, true},
		{policy.Entra, octo, []string{"https://github.com/octo-org"}, true},
		{policy.AWS, octo, []string{"https://github.com/octo-org", "pypi"}, true},
		{policy.AWS, tok(dotcom+"/avocado-corp", "octo-org"), []string{"https://github.com/octo-org"}, true},
		{policy.AWS, ghes, []string{"https://ghe.example.com/octo-org"}, true},
		{policy.AWS, ghes, []string{"https://github.com/octo-org"}, true},
		// Vault's docs bind the owner's URL: a role may mean it.
		{policy.Vault, octo, []string{"https://github.com/octo-org"}, false},
		{policy.Vault, octo, []string{"https://github.com/octo-org", "pypi"}, false},
		{policy.AWS, octo, []string{"https://github.com/other-org"}, false},
		{policy.AWS, octo, []string{"https://github.com/octo-org/"}, false},
		{policy.AWS, octo, []string{"https://github.com/octo-org", "sts.amazonaws.com"}, false},
		{policy.AWS, tok(dotcom, ""), []string{"https://github.com/"}, false},
		{policy.AWS, octo, []string{"https://ghe.example.com/octo-org"}, false},
		{policy.K8s, octo, nil, false},
		{policy.K8s, octo, []string{"https://k8s.example.com"}, false},
	} {
		if got := policy.NotMeantFor(tc.self, tc.tok, tc.auds); got != tc.want {
			t.Errorf("NotMeantFor(%s, %q) = %v, want %v", tc.self, tc.auds, got, tc.want)
		}
	}
}
