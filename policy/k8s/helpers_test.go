package k8s

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const fixtureDir = "../../fixtures/policies/k8s"

// fixtureToken reads a static fixture token.
func fixtureToken(t *testing.T, name string) policy.Token { return policytest.FixtureToken(t, name) }

// payload builds a token from hand-written claims.
func payload(t *testing.T, claims string) policy.Token { return policytest.Payload(t, claims) }

// pushMainWith is push-main's claims with some replaced (or removed, with
// the value "-").
func pushMainWith(t *testing.T, changes map[string]string) policy.Token {
	t.Helper()
	tok := fixtureToken(t, "push-main")
	var members []decode.Member
	for _, m := range tok.Payload.Members {
		if v, ok := changes[m.Key]; ok {
			if v == "-" {
				continue
			}
			m.Value = decode.Value{Kind: decode.String, Text: v}
		}
		members = append(members, m)
	}
	for k, v := range changes {
		if _, ok := tok.Payload.Get(k); !ok && v != "-" {
			members = append(members, decode.Member{Key: k, Value: decode.Value{Kind: decode.String, Text: v}})
		}
	}
	return policy.NewToken(decode.Value{Kind: decode.Object, Members: members})
}

// parseOne parses a document that must hold one policy.
func parseOne(t *testing.T, doc string) policy.Policy {
	t.Helper()
	pols, err := New().Parse("test.yaml", []byte(doc))
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, doc)
	}
	if len(pols) != 1 {
		t.Fatalf("Parse returned %d policies, want 1 per document", len(pols))
	}
	return pols[0]
}

func readFixture(t *testing.T, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, file))
	if err != nil {
		t.Fatal(err)
	}
	return b
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
