package aws

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// fixtureNames are the static fixture tokens.
var fixtureNames = []string{"push-main", "pull-request", "environment-prod", "reusable-workflow",
	"custom-sub", "immutable-sub", "self-hosted", "enterprise", "other-repo"}

const (
	staticDir   = "../../fixtures/testdata/static"
	policiesDir = "../../fixtures/policies/aws"
)

// fixtureToken reads a signed static fixture token.
func fixtureToken(t testing.TB, name string) policy.Token {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(staticDir, name+".jwt"))
	if err != nil {
		t.Fatalf("fixture token %s: %v", name, err)
	}
	tok, err := decode.Parse(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("fixture token %s does not decode: %v", name, err)
	}
	return policy.NewToken(tok.Payload)
}

// payloadToken builds a token from hand-written claims.
func payloadToken(t testing.TB, claims string) policy.Token {
	t.Helper()
	v, errs := decode.ParseJSON("payload", []byte(claims))
	for _, e := range errs {
		if !strings.Contains(e.Error(), "duplicate key") {
			t.Fatalf("test payload %s: %v", claims, e)
		}
	}
	return policy.NewToken(v)
}

// pushMainClaims are the push-main claims that matter to AWS, for edits.
const pushMainClaims = `"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com",` +
	`"sub":"repo:octo-org/octo-repo:ref:refs/heads/main","repository":"octo-org/octo-repo","repository_id":"74",` +
	`"repository_owner":"octo-org","repository_owner_id":"65","ref":"refs/heads/main",` +
	`"job_workflow_ref":"octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main","actor":"octocat"`

// parseOne parses a document that holds exactly one policy.
func parseOne(t testing.TB, doc string) policy.Policy {
	t.Helper()
	pols, err := New().Parse("test.json", []byte(doc))
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, doc)
	}
	if len(pols) != 1 {
		t.Fatalf("Parse returned %d policies, want 1", len(pols))
	}
	return pols[0]
}

// trust wraps a Condition block in a GitHub trust policy.
func trust(condition string) string {
	return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
		`"Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},` +
		`"Action":"sts:AssumeRoleWithWebIdentity","Condition":` + condition + `}]}`
}

func joined(lines []string) string { return strings.Join(lines, "\n") }

// findCondition returns the result's condition whose expression contains s.
func findCondition(t testing.TB, res policy.Result, s string) policy.Condition {
	t.Helper()
	for _, c := range res.Conditions {
		if strings.Contains(c.Expression, s) {
			return c
		}
	}
	t.Fatalf("no condition with %q in %+v", s, res.Conditions)
	return policy.Condition{}
}

func hasRule(findings []policy.Finding, rule string) bool {
	for _, f := range findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}
