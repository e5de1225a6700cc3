package publisher_test

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher/cratesio"
	"github.com/oidcscope/oidcscope/policy/publisher/pypi"
	"github.com/oidcscope/oidcscope/policy/publisher/rubygems"
)

// TestRegistrations: each registration builds its provider, under its id,
// and names what it reads.
func TestRegistrations(t *testing.T) {
	for _, r := range []policy.Registration{pypi.Registration(), cratesio.Registration(), rubygems.Registration()} {
		if p := r.New(); p.ID() != r.ID || r.Documents == "" || r.ResultProvider() != r.ID {
			t.Errorf("registration %+v builds %s", r.ProviderInfo, p.ID())
		}
	}
}
