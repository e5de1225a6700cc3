package publisher_test

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy/publisher"
)

// TestRegistryDefaults: a registry that leaves Values and Required nil
// reads its ID as its one `registry:` value and requires what a publisher
// pinning a workflow file names; set ones are kept.
func TestRegistryDefaults(t *testing.T) {
	p := publisher.NewProvider(publisher.Registry{ID: "npm", Name: "N"})
	if !p.Detect([]byte("registry: npm\nowner: o\n")) {
		t.Error("registry: npm not detected")
	}
	reg := p.Registry()
	if !slices.Equal(reg.Values, []string{"npm"}) || !slices.Equal(reg.Required, []string{"owner", "repository", "workflow"}) {
		t.Errorf("Values %q, Required %q", reg.Values, reg.Required)
	}
	set := publisher.NewProvider(publisher.Registry{ID: "pypi", Values: []string{"pypi", "testpypi"}, Required: []string{"owner"}}).Registry()
	if !slices.Equal(set.Values, []string{"pypi", "testpypi"}) || !slices.Equal(set.Required, []string{"owner"}) {
		t.Errorf("set: Values %q, Required %q", set.Values, set.Required)
	}
}
