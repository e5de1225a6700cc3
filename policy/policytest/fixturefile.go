package policytest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// FixtureFile reads fixtures/policies/<dir>/<name> (a sample document,
// or the README whose table the tests hold the samples to), failing the
// test when it cannot.
func FixtureFile(t testing.TB, dir, name string) []byte {
	t.Helper()
	root, err := testseeds.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "fixtures", "policies", dir, name))
	if err != nil {
		t.Fatalf("fixture %s/%s: %v", dir, name, err)
	}
	return b
}
