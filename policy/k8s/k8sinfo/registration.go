// Package k8sinfo is the part of the Kubernetes provider's registration
// that needs no CEL: its entry in the provider table, what it reads, the
// kind and group of its documents, and the byte test every one of them
// passes. policy/k8s builds its Registration from it; a release build,
// which evaluates AuthenticationConfigurations in the oidcscope-cel
// helper (policy/remote), links this package and not policy/k8s, which
// brings cel-go and its start-up cost.
package k8sinfo

import (
	"bytes"

	"github.com/oidcscope/oidcscope/policy"
)

// Group is the API group of the configuration file.
const Group = "apiserver.config.k8s.io"

// Kind is the configuration's kind.
const Kind = "AuthenticationConfiguration"

// Registration is the provider's entry without a constructor (New is nil):
// the caller says whether the provider runs here or in the helper.
func Registration() policy.Registration {
	return policy.Registration{
		ProviderInfo: policy.InfoOf(policy.K8s),
		Documents:    "a Kubernetes AuthenticationConfiguration",
	}
}

// Mentions reports whether data names the kind and the group. When it
// does not, the provider's Detect is false without parsing anything.
func Mentions(data []byte) bool {
	return bytes.Contains(data, []byte(Kind)) && bytes.Contains(data, []byte(Group+"/"))
}
