package policytest

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// FuzzSeededParse is FuzzParse seeded with the hostile documents, every
// fixture document of folder and the provider's own docs, evaluating
// what parses against FuzzTokens(f, hostile).
func FuzzSeededParse(f *testing.F, newProvider func() policy.Provider, folder, source, hostile string, docs ...string) {
	SeedHostileDocuments(f)
	SeedFixtureDocuments(f, folder)
	for _, d := range docs {
		f.Add([]byte(d))
	}
	FuzzParse(f, newProvider, source, FuzzTokens(f, hostile))
}
