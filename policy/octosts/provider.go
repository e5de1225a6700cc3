package octosts

import "github.com/oidcscope/oidcscope/policy"

// DefaultDomain is octo-sts's STS_DOMAIN on the public service: the
// audience a token must carry when a policy sets neither audience nor
// audience_pattern.
const DefaultDomain = "octo-sts.dev"

// Anchoring is how octo-sts turns a *_pattern into a regular expression.
type Anchoring int

const (
	// AnchorGrouped compiles "^(?:" + pattern + ")$" after checking the
	// pattern compiles on its own, as octo-sts/app's pkg/octosts/pattern.go
	// (compileAnchored) does since PR #1643, the GHSA-mwqh-2vg8-rhj3 fix of
	// September 2026: what the public octo-sts.dev runs. The zero value, so
	// a Provider built by hand judges as the public service does.
	AnchorGrouped Anchoring = iota
	// AnchorCaretDollar compiles "^" + pattern + "$", as octo-sts/app up to
	// v0.8.0 (@cb87fc17, whose test tables this package runs) does: a
	// top-level alternation a|b becomes (^a)|(b$). For an older
	// self-hosted deployment.
	AnchorCaretDollar
)

// Provider reads and evaluates octo-sts trust policies. The zero value
// judges as the public service does (New).
type Provider struct {
	// Domain is the STS_DOMAIN of the octo-sts deployment (the audience
	// required when a policy names none).
	Domain string
	// Anchoring selects the pattern anchoring of the octo-sts version
	// the policies are meant for; AnchorCaretDollar for octo-sts/app up to
	// v0.8.0.
	Anchoring Anchoring
}

// New returns the provider for the public octo-sts.dev service, which
// anchors patterns grouped (AnchorGrouped).
func New() policy.Provider { return &Provider{Domain: DefaultDomain, Anchoring: AnchorGrouped} }

// ID is policy.OctoSTS.
func (p *Provider) ID() string { return policy.OctoSTS }

// The octo-sts versions the two anchorings stand for, as messages name them.
const (
	fixedOctoSTS = "octo-sts since PR #1643 (GHSA-mwqh-2vg8-rhj3, September 2026; what the public octo-sts.dev runs)"
	olderOctoSTS = "octo-sts/app up to v0.8.0 (@cb87fc17; e.g. an older self-hosted deployment)"
)

func (p *Provider) domain() string {
	if p.Domain == "" {
		return DefaultDomain
	}
	return p.Domain
}
