package providererrors

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/entra"
	"github.com/oidcscope/oidcscope/policy/octosts"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// entraCredentials parses the sample credential list that trusts the prod
// environment of octo-org/octo-repo.
func entraCredentials(t *testing.T) []policy.Policy {
	return policytest.FixtureDocument(t, entra.New(), "entra", "graph-list-environment-prod.json")
}

// An AADSTS700213 paste with no token: the credential expecting the
// environment subject is named, with the first difference, and decided
// only on the subject the message carries.
func TestEntraSubjectMessageAgainstCredentials(t *testing.T) {
	pols := entraCredentials(t)
	ms := Find("Error: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:octo-org/octo-repo:ref:refs/heads/main'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.")
	if len(ms) != 1 {
		t.Fatalf("found %d", len(ms))
	}
	parts, err := EvaluatePartial(ms[0], pols)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) == 0 {
		t.Fatal("no Entra credential evaluated")
	}
	var diag []string
	for _, p := range parts {
		if p.Fits() {
			t.Errorf("%s fits a subject in ref form", p.Result.Name)
		}
		for _, c := range p.Decided {
			if len(c.Claims) > 0 && c.Claims[0] != "sub" {
				t.Errorf("%s: condition on %v decided from a message that carries only sub", p.Result.Name, c.Claims)
			}
			diag = append(diag, c.Diagnosis...)
		}
		if len(p.Unknown) == 0 {
			t.Errorf("%s: the issuer and audience conditions should be unknown", p.Result.Name)
		}
	}
	if all := strings.Join(diag, "\n"); !strings.Contains(all, "environment:prod") {
		t.Errorf("no diagnosis names the expected environment subject:\n%s", all)
	}
}

// The same message with the subject the credential expects fits it.
func TestEntraMessageFitsTheRightCredential(t *testing.T) {
	ms := Find("AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:octo-org/octo-repo:environment:prod'. Assertion Audience: 'api://AzureADTokenExchange'.")
	parts, err := EvaluatePartial(ms[0], entraCredentials(t))
	if err != nil {
		t.Fatal(err)
	}
	fits := 0
	for _, p := range parts {
		if p.Fits() {
			fits++
		}
	}
	if fits == 0 {
		t.Error("no credential fits the subject, issuer and audience it expects")
	}
}

func TestMessageWithoutValuesIsNotEvaluated(t *testing.T) {
	ms := Find("Error: Could not assume role with OIDC: Incorrect token audience")
	if _, err := EvaluatePartial(ms[0], nil); err == nil {
		t.Error("no error for a message that carries nothing")
	}
}

// Every entry's provider is an id policy results carry, so a message
// meets its provider's policies: octo-sts's results say "octo-sts".
func TestOctoSTSMessageMeetsOctoSTSPolicies(t *testing.T) {
	pols := policytest.FixtureDocument(t, octosts.New(), "octo-sts", "octo-repo-main.sts.yaml")
	ms := Find(`trust policy: subject "repo:octo-org/octo-repo:pull_request" did not match "repo:octo-org/octo-repo:ref:refs/heads/main"`)
	parts, err := EvaluatePartial(ms[0], pols)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != len(pols) {
		t.Fatalf("%d of %d octo-sts policies evaluated on the message", len(parts), len(pols))
	}
}

func TestEveryEntryNamesAKnownProvider(t *testing.T) {
	for _, e := range Catalogue() {
		if _, ok := policy.LookupProvider(e.Provider); !ok || policy.InfoOf(e.Provider).ID != e.Provider {
			t.Errorf("%s: provider %q is not a provider id", e.ID, e.Provider)
		}
	}
}
