// Package gcp evaluates Google Cloud workload identity pool providers (OIDC
// workload identity federation) against a GitHub Actions OIDC token, with
// the semantics of the shared reference, §4: the issuer (oidc.issuerUri,
// exact), the audience (oidc.allowedAudiences, or the provider's canonical
// name when that list is empty), the attribute mapping (CEL over
// `assertion` into google.subject, google.groups and attribute.<key>, with
// Google Cloud's limits) and the attribute condition (CEL over assertion,
// google and attribute). Optionally, the IAM members that grant the pool's
// identities access (principal://…/subject/…, principalSet://…/group/…,
// principalSet://…/attribute.<key>/<value>, principalSet://…/*) are
// matched against the mapped attributes.
//
// Documents are read as `gcloud iam workload-identity-pools providers
// describe` prints them (JSON, or gcloud's default YAML), a list of them
// (`providers list`, or the REST list response), and an envelope that
// attaches IAM members to a provider; see the fixtures README.
//
// CEL is cel.dev/cel-go with its standard library and the ext.Strings
// extension (split, lowerAscii…); Google Cloud's own extra functions (such
// as extract) are not implemented, and an expression using them is
// reported as not compiling here, saying so. The CEL environment is built
// on the first Parse of a Google Cloud document, never at start-up. Every
// expression is held to celclaims' bounds (cost, time, result size); one
// they stop makes the provider's verdict an error naming it, since Google
// Cloud's own limits are not published.
package gcp

import (
	"errors"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// Sentinel causes; every error this package returns wraps one of them.
var (
	// ErrDocument: the data is not a readable workload identity pool
	// provider document (JSON or YAML syntax, or no provider in it).
	ErrDocument = errors.New("not a readable Google Cloud workload identity pool provider document")
	// ErrSuggest: no provider can pin this token at this scope.
	ErrSuggest = errors.New("cannot suggest a Google Cloud workload identity pool provider")
)

// Google Cloud's limits on a workload identity pool provider [G1].
const (
	MaxSubjectBytes      = gcpinfo.MaxSubjectBytes // google.subject, in bytes
	MaxAttributes        = 50                      // attribute.<key> entries
	MaxAttributeKey      = 100                     // characters of <key>
	MaxMappingExpression = 2048                    // characters of one mapping expression
	MaxConditionChars    = 4096                    // characters of attributeCondition
	MaxMappedBytes       = 8192                    // total size of the mapped attributes
	MaxAllowedAudiences  = 10
	MaxAudienceChars     = 256
	IAMHost              = gcpinfo.IAMHost
)

// MembersField is oidcscope's own provider field for attaching IAM members
// to a provider document (see the fixtures README): Google Cloud has no
// such field and never prints it.
const MembersField = "oidcscopeMembers"

type provider struct{}

// New returns the Google Cloud provider.
func New() policy.Provider { return provider{} }

// ID is policy.GCP.
func (provider) ID() string { return policy.GCP }

// Snippets are gcpinfo's, which a build running this provider in the
// helper makes without it.
func (provider) Snippets(tok policy.Token) []policy.Snippet { return gcpinfo.Snippets(tok) }

// resource is a provider's resource name (gcpinfo's).
type resource = gcpinfo.Resource
