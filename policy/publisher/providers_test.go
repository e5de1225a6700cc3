package publisher_test

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// registrations are the registries' registrations, taken in order from
// policyset's list of every provider package: those whose provider is a
// publisher.Provider.
func registrations() []policy.Registration {
	var out []policy.Registration
	for _, r := range policyset.Registrations() {
		if _, ok := r.New().(*publisher.Provider); ok {
			out = append(out, r)
		}
	}
	return out
}

// providers builds the providers of the registries that read a workflow
// file, which the shared suggestion and snippets serve: JSR and pub.dev
// bring their own (Registry.Suggest), tested in their packages.
func providers() []policy.Provider {
	var out []policy.Provider
	for _, r := range registrations() {
		if p := r.New().(*publisher.Provider); p.Registry().Suggest == nil {
			out = append(out, p)
		}
	}
	return out
}

// provider is the registry provider with this id.
func provider(t testing.TB, id string) policy.Provider {
	for _, p := range providers() {
		if p.ID() == id {
			return p
		}
	}
	t.Fatalf("no registry provider %q", id)
	return nil
}

// TestRegistrations: policyset lists the seven registries, five of them
// served by the shared suggestion; each registration builds its provider,
// under its id, and names what it reads.
func TestRegistrations(t *testing.T) {
	if len(registrations()) != 7 || len(providers()) != 5 {
		t.Errorf("%d registries, %d with the shared suggestion; want 7 and 5 (PyPI, crates.io, RubyGems, npm, NuGet; JSR, pub.dev)", len(registrations()), len(providers()))
	}
	for _, r := range registrations() {
		if p := r.New(); p.ID() != r.ID || r.Documents == "" || r.ResultProvider() != r.ID {
			t.Errorf("registration %+v builds %s", r.ProviderInfo, p.ID())
		}
	}
}
