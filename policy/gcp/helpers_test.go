package gcp

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const (
	fixtureDir = "../../fixtures/policies/gcp"
	ghIssuer   = "https://token.actions.githubusercontent.com"
	// referenceProvider is the provider of reference-hardened.json, and
	// refAud its default audience (google-github-actions/auth's).
	referenceProvider = "projects/123456789/locations/global/workloadIdentityPools/github/providers/my-repo"
	refAud            = "https://iam.googleapis.com/" + referenceProvider
)

// fixtureToken reads a static fixture token.
func fixtureToken(t testing.TB, name string) policy.Token { return policytest.FixtureToken(t, name) }

// payload builds a token from hand-written claims (duplicates allowed).
func payload(t testing.TB, claims string) policy.Token { return policytest.Payload(t, claims) }

// with is a fixture token with some claims replaced, added, or removed
// (value nil). A string value stays a string; a rawJSON one is JSON.
func with(t testing.TB, name string, changes map[string]any) policy.Token {
	t.Helper()
	return policytest.FixtureWith(t, name, changes)
}

// rawJSON marks a change value as JSON text (a number, a list…).
type rawJSON = json.RawMessage

// parseOne parses a document that must hold one policy.
func parseOne(t testing.TB, doc string) policy.Policy {
	t.Helper()
	return policytest.ParseOne(t, New(), "test.json", doc)
}

// readFixture reads a file of fixtureDir.
func readFixture(t testing.TB, file string) []byte {
	t.Helper()
	return policytest.FixtureFile(t, "gcp", file)
}

// fixturePolicy parses a fixture file; "file#N" picks its Nth provider.
func fixturePolicy(t testing.TB, spec string) policy.Policy {
	t.Helper()
	file, index, _ := strings.Cut(spec, "#")
	pols, err := New().Parse(filepath.Join(fixtureDir, file), readFixture(t, file))
	if err != nil {
		t.Fatalf("Parse %s: %v", file, err)
	}
	if index == "" {
		if len(pols) != 1 {
			t.Fatalf("%s holds %d providers; name one as %s#N", file, len(pols), file)
		}
		return pols[0]
	}
	for _, p := range pols {
		if strings.HasSuffix(p.Source(), "#"+index) {
			return p
		}
	}
	t.Fatalf("%s has no provider #%s", file, index)
	return nil
}

// providerDoc builds a provider document (name referenceProvider, issuer
// GitHub's unless fields set oidc) around fields (JSON members, without
// the outer braces).
func providerDoc(fields string) string {
	if strings.Contains(fields, `"oidc"`) {
		return `{"name": "` + referenceProvider + `", ` + fields + `}`
	}
	return `{"name": "` + referenceProvider + `", "oidc": {"issuerUri": "` + ghIssuer + `"}, ` + fields + `}`
}

// cond finds the condition whose expression contains s.
func cond(t testing.TB, r policy.Result, s string) policy.Condition {
	t.Helper()
	return policytest.ConditionWith(t, r, s)
}

// hasLine reports whether some line contains every part.
func hasLine(lines []string, parts ...string) bool { return policytest.HasLine(lines, parts...) }

// rules lists the lint rule ids of a result.
func rules(r policy.Result) []string {
	var ids []string
	for _, f := range r.Lint {
		ids = append(ids, f.Rule)
	}
	return ids
}
