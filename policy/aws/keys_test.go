package aws

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestRepositoryOwnerIDIsEvaluated: AWS's Service Authorization Reference
// (EvaluatedGitHubClaimsSource) lists repository_owner_id among the keys of
// sts:AssumeRoleWithWebIdentity for github.com's issuer, its enterprise
// issuers and ghe.com, so a condition on it is evaluated there; it lists
// runner_environment for no GitHub issuer and no GitHub key for GHES.
func TestRepositoryOwnerIDIsEvaluated(t *testing.T) {
	onIssuer := func(path, cond string) string {
		return strings.Replace(trust(cond), "oidc-provider/"+gh+`"`, "oidc-provider/"+path+`"`, 1)
	}
	cases := []verdictCase{
		{name: "github.com issuer", doc: trust(`{"StringEquals":{"` + gh + `:repository_owner_id":"65"}}`), want: policy.Allow},
		{name: "github.com issuer, another owner", doc: trust(`{"StringEquals":{"` + gh + `:repository_owner_id":"66"}}`), want: policy.Deny},
		{name: "runner_environment is not evaluated", doc: trust(`{"StringEquals":{"` + gh + `:runner_environment":"github-hosted"}}`),
			claims: pushMain(`"runner_environment":"github-hosted"`), want: policy.Deny, expr: ":runner_environment", diag: []string{"not a key AWS evaluates"}},
		{name: "GHES: GitHub keys are not listed", doc: onIssuer("ghes.example.com/_services/token", `{"StringEquals":{"ghes.example.com/_services/token:repository_owner_id":"65"}}`),
			claims: pushMain(`"iss":"https://ghes.example.com/_services/token"`), want: policy.Deny,
			expr: ":repository_owner_id", diag: []string{"not for GitHub Enterprise Server", "if AWS does read repository_owner_id for this issuer, the condition would pass"}},
	}
	for _, path := range []string{gh + "/avocado-corp", "token.actions.octocorp.ghe.com", "github.com/enterprises/avocado-corp"} {
		cases = append(cases, verdictCase{name: path, doc: onIssuer(path, `{"StringEquals":{"`+path+`:repository_owner_id":"65","`+path+`:actor":"octocat"}}`),
			claims: pushMain(`"iss":"https://` + path + `"`), want: policy.Allow})
	}
	checkVerdicts(t, cases)
}
