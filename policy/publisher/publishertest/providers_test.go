package publishertest_test

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher/cratesio"
	"github.com/oidcscope/oidcscope/policy/publisher/pypi"
	"github.com/oidcscope/oidcscope/policy/publisher/rubygems"
)

// providers are the registries' providers, as the provider table will
// list them after the cloud providers.
func providers() []policy.Provider {
	return []policy.Provider{pypi.New(), cratesio.New(), rubygems.New()}
}
