// Package vault evaluates HashiCorp Vault JWT auth roles
// (vault-plugin-auth-jwt) against a GitHub Actions OIDC token, the way
// Vault's login does: the role must be a "jwt" role; the auth config's
// bound_issuer, the role's bound_subject and bound_audiences are compared
// exactly; a role without bound_audiences refuses every token that has an
// aud; user_claim and claim_mappings must name string claims; and every
// bound_claims entry must match, exactly ("string") or with go-glob
// ("glob"), any bound value against any token value. Semantics follow the
// shared reference, §5, and the plugin's claims.go, path_login.go and
// path_role.go; time (exp, nbf, iat) is left to oidcscope's own checks.
package vault

import (
	"errors"
	"time"

	"github.com/oidcscope/oidcscope/policy"
)

// Sentinel causes; every error this package returns wraps one of them.
var (
	// ErrDocument: the document is not a Vault JWT role, a `vault read`
	// of one, or a {"config":…,"roles":…} document, or not JSON at all.
	ErrDocument = errors.New("not a readable Vault JWT auth role document")
	// ErrSuggest: no Vault role can pin this token at this scope.
	ErrSuggest = errors.New("cannot suggest a Vault JWT role")
)

// GitHubIssuer is the github.com issuer, which is also the
// oidc_discovery_url GitHub's documentation gives Vault.
const GitHubIssuer = "https://token.actions.githubusercontent.com"

// Vault's default leeways (path_role.go, hashicorp/cap jwt.go). The
// expiration and not-before leeways only stand in for a missing exp or
// nbf claim; the clock-skew leeway widens every time comparison.
const (
	DefaultExpirationLeeway = 150 * time.Second
	DefaultNotBeforeLeeway  = 150 * time.Second
	DefaultClockSkewLeeway  = 60 * time.Second
)

// Bound claims types (path_role.go).
const (
	TypeString = "string"
	TypeGlob   = "glob"
)

type provider struct{}

// New returns the Vault provider.
func New() policy.Provider { return provider{} }

func (provider) ID() string { return policy.Vault }
