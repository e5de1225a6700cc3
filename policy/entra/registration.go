package entra

import "github.com/oidcscope/oidcscope/policy"

// Registration offers this provider to policy/policyset: its entry in the
// provider table, what it reads, and its constructor.
func Registration() policy.Registration {
	return policy.Registration{
		ProviderInfo: policy.InfoOf(policy.Entra),
		Documents:    "an Entra federated credential",
		New:          New,
	}
}
