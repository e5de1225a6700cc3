package k8s

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const fixtureDir = "../../fixtures/policies/k8s"

// fixtureToken reads a static fixture token.
func fixtureToken(t *testing.T, name string) policy.Token { return policytest.FixtureToken(t, name) }

// payload builds a token from hand-written claims.
func payload(t *testing.T, claims string) policy.Token { return policytest.Payload(t, claims) }

// pushMainWith is push-main's claims with some replaced, as strings (or
// removed, with the value "-").
func pushMainWith(t *testing.T, changes map[string]string) policy.Token {
	t.Helper()
	edits := map[string]any{}
	for k, v := range changes {
		edits[k] = v
		if v == "-" {
			edits[k] = nil
		}
	}
	return policytest.FixtureWith(t, "push-main", edits)
}

// parseOne parses a document that must hold one policy.
func parseOne(t *testing.T, doc string) policy.Policy {
	t.Helper()
	return policytest.ParseOne(t, New(), "test.yaml", doc)
}

// readFixture reads a file of fixtureDir.
func readFixture(t *testing.T, file string) []byte {
	t.Helper()
	return policytest.FixtureFile(t, "k8s", file)
}

// cond finds the condition whose expression contains s.
func cond(t *testing.T, r policy.Result, s string) policy.Condition {
	t.Helper()
	return policytest.ConditionWith(t, r, s)
}

// hasLine reports whether some line contains every part.
func hasLine(lines []string, parts ...string) bool { return policytest.HasLine(lines, parts...) }

// doc builds a one-authenticator document around a jwt[0] body (already
// indented by two spaces below "- ").
func doc(body string) string {
	return "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n- " + strings.TrimPrefix(body, "  ")
}

const ghIssuer = "https://token.actions.githubusercontent.com"

func rules(t *testing.T, r policy.Result) string {
	t.Helper()
	var ids []string
	for _, f := range r.Lint {
		ids = append(ids, f.Rule)
	}
	return strings.Join(ids, ",")
}
