package policyset

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws"
	"github.com/oidcscope/oidcscope/policy/aws/oidcprovider"
	"github.com/oidcscope/oidcscope/policy/entra"
	"github.com/oidcscope/oidcscope/policy/octosts"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/cratesio"
	"github.com/oidcscope/oidcscope/policy/publisher/jsr"
	"github.com/oidcscope/oidcscope/policy/publisher/npm"
	"github.com/oidcscope/oidcscope/policy/publisher/nuget"
	"github.com/oidcscope/oidcscope/policy/publisher/pubdev"
	"github.com/oidcscope/oidcscope/policy/publisher/pypi"
	"github.com/oidcscope/oidcscope/policy/publisher/rubygems"
	"github.com/oidcscope/oidcscope/policy/vault"
)

// Registrations lists every provider package's registration, in display
// order: the one place that names the provider packages. The IAM OIDC
// provider documents (oidcprovider.ID) follow AWS's trust policies; their
// results are under policy.AWS too. Each call builds a fresh list.
func Registrations() []policy.Registration {
	return []policy.Registration{aws.Registration(), oidcprovider.Registration(), entra.Registration(),
		gcpRegistration(), vault.Registration(), octosts.Registration(), k8sRegistration(),
		publisher.Registration(pypi.Registry), publisher.Registration(cratesio.Registry), publisher.Registration(rubygems.Registry),
		publisher.Registration(npm.Registry), publisher.Registration(nuget.Registry), publisher.Registration(jsr.Registry), publisher.Registration(pubdev.Registry)}
}

// Lookup finds the registration whose id or alias is name, ignoring case
// (azure is entra, google is gcp).
func Lookup(name string) (policy.Registration, bool) {
	for _, r := range Registrations() {
		if r.Matches(name) {
			return r, true
		}
	}
	return policy.Registration{}, false
}

// All returns every provider oidcscope evaluates, in display order.
func All() []policy.Provider {
	regs := Registrations()
	out := make([]policy.Provider, len(regs))
	for i, r := range regs {
		out[i] = r.New()
	}
	return out
}

// ByID returns the provider with this id or alias (aws, entra or azure,
// gcp or google, vault, octo-sts, k8s, or oidcprovider.ID), or nil.
func ByID(id string) policy.Provider {
	if r, ok := Lookup(id); ok {
		return r.New()
	}
	return nil
}

// registered is the registration with exactly this id, if any: providers
// given to a Loader may be ones oidcscope does not know.
func registered(id string) (policy.Registration, bool) {
	for _, r := range Registrations() {
		if r.ID == id {
			return r, true
		}
	}
	return policy.Registration{}, false
}

// resultProvider is the provider a document's failure is filed under: the
// detecting provider's id, except that IAM OIDC provider documents are
// AWS's, as their results are.
func resultProvider(id string) string {
	if r, ok := registered(id); ok {
		return r.ResultProvider()
	}
	return id
}

// providerName names the provider that refused a document in a message.
func providerName(id string) string {
	if r, ok := registered(id); ok {
		return r.Name
	}
	return id
}

// expectedDocuments lists what the registered providers read, for the
// message about a document none of them recognises.
func expectedDocuments() string {
	regs := Registrations()
	docs := make([]string, len(regs))
	for i, r := range regs {
		docs[i] = r.Documents
	}
	if len(docs) < 2 {
		return strings.Join(docs, "")
	}
	return strings.Join(docs[:len(docs)-1], ", ") + " or " + docs[len(docs)-1]
}
