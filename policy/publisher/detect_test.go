package publisher_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/policy/publisher/cratesio"
	"github.com/oidcscope/oidcscope/policy/publisher/npm"
	"github.com/oidcscope/oidcscope/policy/publisher/nuget"
	"github.com/oidcscope/oidcscope/policy/publisher/pypi"
	"github.com/oidcscope/oidcscope/policy/publisher/rubygems"
)

// TestDetectOwnRegistryOnly: each provider claims exactly its own
// registries' documents, and no publisher document is claimed by another
// provider, nor a cloud sample by a publisher provider.
func TestDetectOwnRegistryOnly(t *testing.T) {
	want := map[string]string{"registry: pypi\n": pypi.ID, "registry: testpypi\n": pypi.ID, "{\"registry\": \"crates.io\"}": cratesio.ID,
		"registry: RubyGems\n": rubygems.ID, "registry: npm\n": npm.ID, "{\"registry\": \"NuGet\"}": nuget.ID, "registry: pub.dev\n": ""}
	for doc, id := range want {
		for _, p := range providers() {
			if got := p.Detect([]byte(doc)); got != (p.ID() == id) {
				t.Errorf("%s.Detect(%q) = %v", p.ID(), doc, got)
			}
		}
	}
	samples, _ := filepath.Glob("../../fixtures/policies/*/*")
	for _, f := range samples {
		if filepath.Ext(f) == ".md" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		folder := filepath.Base(filepath.Dir(f))
		ours := slices.ContainsFunc(providers(), func(p policy.Provider) bool { return p.ID() == folder })
		for _, p := range providers() {
			if p.Detect(data) != (p.ID() == folder) {
				t.Errorf("%s.Detect(%s) = %v", p.ID(), f, !(p.ID() == folder))
			}
		}
		for _, p := range policyset.All() {
			if ours && p.Detect(data) && p.ID() != folder {
				t.Errorf("%s detects %s", p.ID(), f)
			}
		}
	}
}
