package vault

import "github.com/oidcscope/oidcscope/policy"

// Registration offers this provider to policy/policyset: its entry in the
// provider table, what it reads, and its constructor.
func Registration() policy.Registration {
	return policy.Registration{
		ProviderInfo: policy.InfoOf(policy.Vault),
		Documents:    "a Vault JWT role",
		New:          New,
	}
}
