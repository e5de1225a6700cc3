package oidcprovider

import "github.com/oidcscope/oidcscope/policy"

// Registration offers this provider to policy/policyset. It is not in the
// provider table: its documents complete AWS's trust policies, and its
// results are filed under policy.AWS.
func Registration() policy.Registration {
	return policy.Registration{
		ProviderInfo: policy.ProviderInfo{ID: ID, Name: "AWS IAM OIDC provider"},
		ResultsAs:    policy.AWS,
		Documents:    "get-open-id-connect-provider or list-open-id-connect-providers output",
		New:          New,
	}
}
