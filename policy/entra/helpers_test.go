package entra

import (
	"encoding/json"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const gh = "https://token.actions.githubusercontent.com"
const azureAud = `["api://AzureADTokenExchange"]`

// azureClaims are the push-main claims an Entra credential reads, with
// Entra's default audience, in key order.
const azureClaims = `{"aud":"api://AzureADTokenExchange","iss":"https://token.actions.githubusercontent.com",` +
	`"job_workflow_ref":"octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main","ref":"refs/heads/main",` +
	`"repository":"octo-org/octo-repo","repository_id":"74","repository_owner":"octo-org","repository_owner_id":"65",` +
	`"sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}`

// azureToken is azureClaims with some claims replaced or added (JSON
// values); a value of "" removes the claim.
func azureToken(t testing.TB, overrides map[string]string) policy.Token {
	t.Helper()
	return policytest.TokenWith(t, azureClaims, overrides)
}

// parseOne parses a document that must hold exactly one credential.
func parseOne(t testing.TB, doc string) policy.Policy {
	t.Helper()
	return policytest.ParseOne(t, New(), "test.json", doc)
}

// standardFIC renders a one-credential document.
func standardFIC(issuer, subject, audiences string) string {
	return `{"name":"test-cred","issuer":` + quote(issuer) + `,"subject":` + quote(subject) + `,"audiences":` + audiences + `}`
}

func flexibleFIC(issuer, expr string) string {
	return `{"name":"flex-cred","issuer":` + quote(issuer) + `,"audiences":["api://AzureADTokenExchange"],"claimsMatchingExpression":{"value":` + quote(expr) + `,"languageVersion":1}}`
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
