package publisher_test

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher/cratesio"
	"github.com/oidcscope/oidcscope/policy/publisher/npm"
	"github.com/oidcscope/oidcscope/policy/publisher/nuget"
	"github.com/oidcscope/oidcscope/policy/publisher/pypi"
	"github.com/oidcscope/oidcscope/policy/publisher/rubygems"
)

// registrations are the registries' registrations, as the provider table
// will list them after the cloud providers: the one list the tests here
// take the registries from.
func registrations() []policy.Registration {
	return []policy.Registration{pypi.Registration(), cratesio.Registration(), rubygems.Registration(), npm.Registration(), nuget.Registration()}
}

// providers builds every registration's provider.
func providers() []policy.Provider {
	var out []policy.Provider
	for _, r := range registrations() {
		out = append(out, r.New())
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

// TestRegistrations: each registration builds its provider, under its id,
// and names what it reads.
func TestRegistrations(t *testing.T) {
	for _, r := range registrations() {
		if p := r.New(); p.ID() != r.ID || r.Documents == "" || r.ResultProvider() != r.ID {
			t.Errorf("registration %+v builds %s", r.ProviderInfo, p.ID())
		}
	}
}
