package policytest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/internal/testseeds"
	"github.com/oidcscope/oidcscope/policy"
)

// FixturePolicies parses every sample document fixtures/policies/<dir>/<glob>
// with p and returns its policies keyed by source (file name, with #N as
// the provider numbers them). Each document must be detected as p's and
// parse; one that is not fails the test, and the others are still read so
// that one report shows every broken fixture.
func FixturePolicies(t testing.TB, p policy.Provider, dir, glob string) map[string]policy.Policy {
	t.Helper()
	root, err := testseeds.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(root, "fixtures", "policies", dir)
	files, err := filepath.Glob(filepath.Join(folder, glob))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture documents %s in %s: %v", glob, folder, err)
	}
	out := map[string]policy.Policy{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Detect(data) {
			t.Errorf("Detect(%s) = false for a %s fixture", f, p.ID())
		}
		pols, err := p.Parse(filepath.Base(f), data)
		if err != nil {
			t.Errorf("Parse(%s): %v", f, err)
			continue
		}
		for _, pol := range pols {
			out[pol.Source()] = pol
		}
	}
	return out
}

// SeedHostileDocuments adds the small JSONTestSuite documents (duplicate
// keys, deep nesting, a BOM, bad UTF-8, lone surrogates, huge numbers) to
// a policy parser's fuzz target, so every parser starts from the same
// hostile inputs as the token decoder.
func SeedHostileDocuments(f *testing.F) {
	f.Helper()
	for _, d := range testseeds.Small(testseeds.JSONTestSuite(f)) {
		f.Add(d)
	}
}
