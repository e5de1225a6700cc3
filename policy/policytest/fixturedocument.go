package policytest

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// FixtureDocument parses the one sample document
// fixtures/policies/<dir>/<name> with p and returns its policies in the
// document's order, failing the test when it cannot be read or parsed.
func FixtureDocument(t testing.TB, p policy.Provider, dir, name string) []policy.Policy {
	t.Helper()
	pols, err := p.Parse(name, FixtureFile(t, dir, name))
	if err != nil {
		t.Fatalf("fixture %s/%s: %v", dir, name, err)
	}
	return pols
}
