package policyset

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws"
	"github.com/oidcscope/oidcscope/policy/aws/oidcprovider"
	"github.com/oidcscope/oidcscope/policy/entra"
	"github.com/oidcscope/oidcscope/policy/gcp"
	"github.com/oidcscope/oidcscope/policy/k8s"
	"github.com/oidcscope/oidcscope/policy/octosts"
	"github.com/oidcscope/oidcscope/policy/vault"
)

// All returns every provider oidcscope evaluates, in display order. The
// IAM OIDC provider documents (oidcprovider.ID) follow AWS's trust
// policies; their results are under policy.AWS too.
func All() []policy.Provider {
	return []policy.Provider{aws.New(), oidcprovider.New(), entra.New(), gcp.New(), vault.New(), octosts.New(), k8s.New()}
}

// ByID returns the provider with this id (aws, entra, gcp, vault,
// octo-sts, k8s, or oidcprovider.ID), or nil.
func ByID(id string) policy.Provider {
	for _, p := range All() {
		if p.ID() == id {
			return p
		}
	}
	return nil
}

// resultProvider is the provider a document's failure is filed under: the
// detecting provider's id, except that IAM OIDC provider documents are
// AWS's, as their results are.
func resultProvider(id string) string {
	if id == oidcprovider.ID {
		return policy.AWS
	}
	return id
}

// providerName names the provider that refused a document in a message.
func providerName(id string) string {
	if id == oidcprovider.ID {
		return "AWS IAM OIDC provider"
	}
	return policy.ProviderName(id)
}
