package octosts

import "github.com/oidcscope/oidcscope/policy"

// DefaultDomain is octo-sts's STS_DOMAIN on the public service: the
// audience a token must carry when a policy sets neither audience nor
// audience_pattern.
const DefaultDomain = "octo-sts.dev"

// Anchoring is how octo-sts turns a *_pattern into a regular expression.
type Anchoring int

const (
	// AnchorCaretDollar compiles "^" + pattern + "$", as octo-sts/app
	// @cb87fc17 does (the reference this package follows): a top-level
	// alternation a|b becomes (^a)|(b$).
	AnchorCaretDollar Anchoring = iota
	// AnchorGrouped compiles "^(?:" + pattern + ")$" after checking the
	// pattern compiles on its own, as octo-sts/app's pkg/octosts/pattern.go
	// does after the GHSA-mwqh-2vg8-rhj3 fix.
	AnchorGrouped
)

// Provider reads and evaluates octo-sts trust policies. The zero value is
// not ready; use New, or set Domain yourself.
type Provider struct {
	// Domain is the STS_DOMAIN of the octo-sts deployment (the audience
	// required when a policy names none).
	Domain string
	// Anchoring selects the pattern anchoring of the octo-sts version
	// the policies are meant for.
	Anchoring Anchoring
}

// New returns the provider for the public octo-sts.dev service, with the
// anchoring octo-sts/app @cb87fc17 uses.
func New() policy.Provider { return &Provider{Domain: DefaultDomain} }

// ID is policy.OctoSTS.
func (p *Provider) ID() string { return policy.OctoSTS }

func (p *Provider) domain() string {
	if p.Domain == "" {
		return DefaultDomain
	}
	return p.Domain
}
