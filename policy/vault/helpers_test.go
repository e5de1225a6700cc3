package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// pushMain is the push-main claim set, as a JSON object body, for tokens
// built by hand.
const pushMain = `"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com",` +
	`"sub":"repo:octo-org/octo-repo:ref:refs/heads/main","repository":"octo-org/octo-repo","repository_id":"74",` +
	`"repository_owner":"octo-org","repository_owner_id":"65","ref":"refs/heads/main","ref_type":"branch",` +
	`"job_workflow_ref":"octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main","run_id":"20613598812",` +
	`"event_name":"push","exp":1767225900,"iat":1767225600,"nbf":1767225300`

// tokenWith is push-main with some claims added or replaced (JSON values);
// a value of "" removes the claim.
func tokenWith(t testing.TB, overrides map[string]string) policy.Token {
	t.Helper()
	return policytest.TokenWith(t, "{"+pushMain+"}", overrides)
}

// parseOne parses a document that must hold exactly one role.
func parseOne(t testing.TB, doc string) policy.Policy {
	t.Helper()
	return policytest.ParseOne(t, New(), "test.json", doc)
}

// jwtRole is a role binding push-main's audience and the given extra
// fields (JSON members, without braces).
func jwtRole(extra string) string {
	doc := `{"role_type":"jwt","user_claim":"repository","bound_audiences":["sts.amazonaws.com"]`
	if extra != "" {
		doc += "," + extra
	}
	return doc + "}"
}
