package policyset

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws"
	"github.com/oidcscope/oidcscope/policy/entra"
	"github.com/oidcscope/oidcscope/policy/gcp"
	"github.com/oidcscope/oidcscope/policy/k8s"
	"github.com/oidcscope/oidcscope/policy/octosts"
	"github.com/oidcscope/oidcscope/policy/vault"
)

// All returns every provider oidcscope evaluates, in display order.
func All() []policy.Provider {
	return []policy.Provider{aws.New(), entra.New(), gcp.New(), vault.New(), octosts.New(), k8s.New()}
}

// ByID returns the provider with this id (aws, entra, gcp, vault,
// octo-sts, k8s), or nil.
func ByID(id string) policy.Provider {
	for _, p := range All() {
		if p.ID() == id {
			return p
		}
	}
	return nil
}
