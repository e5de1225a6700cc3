package aws

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// pushMainClaims are the push-main claims that matter to AWS, for edits.
const pushMainClaims = `"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com",` +
	`"sub":"repo:octo-org/octo-repo:ref:refs/heads/main","repository":"octo-org/octo-repo","repository_id":"74",` +
	`"repository_owner":"octo-org","repository_owner_id":"65","ref":"refs/heads/main",` +
	`"job_workflow_ref":"octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main","actor":"octocat"`

// parseOne parses a document that holds exactly one policy.
func parseOne(t testing.TB, doc string) policy.Policy {
	t.Helper()
	return policytest.ParseOne(t, New(), "test.json", doc)
}

// trust wraps a Condition block in a GitHub trust policy.
func trust(condition string) string {
	return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
		`"Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},` +
		`"Action":"sts:AssumeRoleWithWebIdentity","Condition":` + condition + `}]}`
}

func joined(lines []string) string { return strings.Join(lines, "\n") }
