// Package entra evaluates Microsoft Entra ID federated identity credentials
// (FICs) against a GitHub Actions OIDC token: the standard credential, which
// compares issuer, subject and audience exactly and case-sensitively, and
// the flexible credential (preview), whose claimsMatchingExpression joins
// `eq` and `matches` terms with `and`. Semantics follow the shared
// reference, §3.
package entra

import (
	"errors"

	"github.com/oidcscope/oidcscope/policy"
)

// Sentinel causes; every error this package returns wraps one of them.
var (
	// ErrDocument: the document is not a federated identity credential,
	// a list of them, or not JSON at all.
	ErrDocument = errors.New("not a readable Entra federated identity credential document")
	// ErrExpression: a claimsMatchingExpression does not follow the
	// documented grammar.
	ErrExpression = errors.New("invalid claimsMatchingExpression")
	// ErrSuggest: no Entra credential can pin this token at this scope.
	ErrSuggest = errors.New("cannot suggest an Entra federated identity credential")
)

// AzureAudience is the audience Entra documents for federated identity
// credentials, and azure/login's default.
const AzureAudience = "api://AzureADTokenExchange"

// GitHubIssuer is the github.com issuer, the only GitHub issuer the
// flexible credential documentation covers.
const GitHubIssuer = "https://token.actions.githubusercontent.com"

// MaxCredentials is how many federated identity credentials one app
// registration or user-assigned managed identity can hold.
const MaxCredentials = 20

type provider struct{}

// New returns the Entra provider.
func New() policy.Provider { return provider{} }

func (provider) ID() string { return policy.Entra }
