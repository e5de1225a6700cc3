package k8s

import "github.com/oidcscope/oidcscope/policy"

// Registration offers this provider to policy/policyset: its entry in the
// provider table, what it reads, and its constructor.
func Registration() policy.Registration {
	return policy.Registration{
		ProviderInfo: policy.InfoOf(policy.K8s),
		Documents:    "a Kubernetes AuthenticationConfiguration",
		New:          New,
	}
}
