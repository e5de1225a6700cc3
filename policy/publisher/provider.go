package publisher

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// Provider reads one registry's publisher documents.
type Provider struct {
	reg Registry
}

var _ policy.Provider = (*Provider)(nil)

// NewProvider is the provider of reg's publishers.
func NewProvider(reg Registry) *Provider { return &Provider{reg: reg.withDefaults()} }

// ID is the registry's provider id.
func (p *Provider) ID() string { return p.reg.ID }

// Registry is the registry the provider checks against.
func (p *Provider) Registry() Registry { return p.reg }

// Detect reports a publisher document naming one of this registry's
// `registry:` values.
func (p *Provider) Detect(data []byte) bool {
	v, ok := RegistryOf(data)
	return ok && p.reg.reads(v)
}

// Parse reads one publisher document for this registry.
func (p *Provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	doc, err := Parse(data)
	if err != nil {
		return nil, err
	}
	if !p.reg.reads(doc.Registry) {
		return nil, &ParseError{Kind: ErrUnreadable, Msg: fmt.Sprintf("registry %q is not %s's", doc.Registry, p.reg.Name)}
	}
	return []policy.Policy{NewPolicy(p.reg, source, doc)}, nil
}
